using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Writing;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// Check access, decide, save: every case command goes through here and is decided and written by the
/// <see cref="CaseWriter"/>, on the case as it stands, and answered once its batch has committed.
/// A refused command writes nothing; a command that loses a race throws <see cref="ConcurrencyConflictException"/>.
/// A case the caller may not read is refused exactly as an unknown case, before anything else is judged.
/// </summary>
public sealed partial class CasePipeline(
    IServiceProvider services, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time,
    IOptions<OneStopOptions> options, CaseWriter writer)
{
    /// <summary>
    /// The scope's context, for the few calls outside the writer: a command itself never rents one (the writer has
    /// its own), which spares each click a pooled context.
    /// </summary>
    private OneStopDbContext Db => services.GetRequiredService<OneStopDbContext>();

    /// <summary>The highest dossier number of a unit's day (the code has four digits).</summary>
    private const int LastSequence = 9999;

    /// <summary>The secret printed on the receipt: 4 random bytes, written as 8 hex digits.</summary>
    private const int SecretBytes = 4;

    public async Task<CaseResult> ReceiveAsync(ReceiveCase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = actors.Actor
            ?? throw new InvalidOperationException("The access behaviour lets no anonymous caller in.");
        if (CaseAccess.CanAct(actor, "receive") is { } readOnly)
        {
            return CaseResult.Refused(readOnly);
        }

        if (request.FirstSequence is < 1 or > LastSequence)
        {
            return CaseResult.Refused(Rejection.Of(RejectionCodes.FieldInvalid, "first-sequence").On("firstSequence"));
        }

        actor = actor.Operational();
        var id = new CaseId(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"));
        var command = new ReceiveCommand(actor, id, request.Unit)
        {
            Channel = request.Channel, Fields = request.Fields,
            IntakeAction = request.IntakeAction, Input = request.Input, Components = request.Components,
            Secret = NewSecret(),
            Sequence = request.FirstSequence,
        };

        var decided = await writer.WriteAsync(id.Value, async (session, token) =>
        {
            // Decided in the writer, at its moment, with the numbers taken in the command's savepoint: a receipt
            // that is refused or not saved gives its numbers back, so the day's book has no gap.
            var version = await session.PublishedVersionAsync(catalog, request.Procedure, request.Version, token);
            if (version is null)
            {
                var unknown = Rejection.Of(RejectionCodes.ProcedureUnknown, request.Version is null ? null : "version")
                    .On("procedure").With("procedure", CaseAccess.Quote(request.Procedure));
                return Refused([request.Version is { } v ? unknown.With("version", v) : unknown]);
            }

            var now = version.At(time.GetUtcNow());
            var local = now.Calendar.ToLocal(now.Now);
            var day = local.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var book = await session.NextBookEntryAsync(request.Unit, local.Year, token);
            Decision decision;
            do
            {
                // A number whose code is taken (a day's sequence set back by hand) is skipped, not refused.
                var sequence = await session.NextDossierNumberAsync(request.Unit, day, request.FirstSequence, token);
                decision = Workflow.Decide(now, null, command with { Sequence = sequence, Book = book });
                if (decision.IsRejected)
                {
                    return Refused(decision.Rejections);
                }
            }
            while (await session.IsDossierCodeTakenAsync(decision.State!.DossierCode, token));

            var state = decision.State!;
            var events = decision.Events;
            var shared = await SharedTemplatesAsync(token);
            return new Written<Decided>(new Decided(state, version, now.Now, []),
                new CaseSave(null, state, events, Workflow.NextTick(now, state), [], actor.User, now.Calendar)
                {
                    Procedure = now.Procedure,
                })
            {
                Documents = () => Render(now, null, [], events, command.Secret),
                Mails = () => RenderMails(now, null, [], events, command.Secret, shared),
            };
        }, cancellationToken);
        return decided.ToResult();
    }

    public async Task<CaseResult> ExecuteAsync(ICaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = actors.Actor
            ?? throw new InvalidOperationException("The access behaviour lets no anonymous caller in.");
        var decided = await writer.WriteAsync(request.CaseId, async (session, token) =>
        {
            var stored = await session.FindAsync(request.CaseId, token);
            var version = stored is null ? null : await catalog.VersionOfAsync(session.Db, stored.Row, token);
            if (stored is null || !CaseAccess.CanRead(actor, stored.State, version!.Units))
            {
                return Refused([CaseAccess.NotFound(request.CaseId)]);
            }

            if (CaseAccess.CanAct(actor) is { } readOnly)
            {
                return Refused([readOnly]);
            }

            var context = version.At(time.GetUtcNow());
            var command = request.ToEngine(actor.Operational()) with { Secret = NewSecret() };
            var decision = Workflow.Decide(context, stored.State, command);
            if (decision.IsRejected)
            {
                return Refused(decision.Rejections);
            }

            var state = decision.State!;
            var events = decision.Events;
            var shared = await SharedTemplatesAsync(token);
            var printed = stored.State.Channel == CaseChannel.Online ? SecretGivenOnline : command.Secret;
            var answer = new Decided(state, version, context.Now, []) { Events = events };
            return new Written<Decided>(answer,
                new CaseSave(stored, state, events, Workflow.NextTick(context, state), [], actor.User,
                    context.Calendar) { Procedure = context.Procedure })
            {
                Documents = () => Render(context, stored.State, stored.Events, events, printed),
                Mails = () => RenderMails(context, stored.State, stored.Events, events, printed, shared),
                AnswerWith = rows => answer with { Rows = rows },
            };
        }, cancellationToken);
        return decided.ToResult(actor);
    }

    /// <summary>What an online dossier's papers print for its secret: the citizen keeps the one given then.</summary>
    public const string SecretGivenOnline = "đã cấp khi nộp hồ sơ trực tuyến";

    /// <summary>
    /// Applies time-driven work to a case claimed by a scanner and releases the claim. Returns the events written,
    /// or the engine's reasons when it refused the tick (nothing was judged; the scanner postpones the case).
    /// </summary>
    public Task<TickOutcome> TickAsync(string caseId, string scanner, CancellationToken cancellationToken) =>
        writer.WriteAsync(caseId, async (session, token) =>
        {
            var stored = await session.FindAsync(caseId, token);
            if (stored is null)
            {
                return new Written<TickOutcome>(new TickOutcome(0, []), null);
            }

            var version = await catalog.VersionOfAsync(session.Db, stored.Row, token);
            var context = version.At(time.GetUtcNow());
            var tick = new TickCommand { Secret = NewSecret() };
            var decision = Workflow.Decide(context, stored.State, tick);
            if (decision.IsRejected)
            {
                return new Written<TickOutcome>(new TickOutcome(0, decision.Rejections), null);
            }

            var state = decision.State!;
            var events = decision.Events;
            var shared = await SharedTemplatesAsync(token);
            return new Written<TickOutcome>(new TickOutcome(events.Length, []),
                new CaseSave(stored, state, events, Workflow.NextTick(context, state, context.Now), [], scanner,
                    context.Calendar) { Procedure = context.Procedure })
            {
                Documents = () => Render(context, stored.State, stored.Events, events, tick.Secret),
                Mails = () => RenderMails(context, stored.State, stored.Events, events, tick.Secret, shared),
            };
        }, cancellationToken);

    /// <summary>
    /// Files the electronic result the e-result filer printed and stored: a system command, written by the writer
    /// like a tick. Returns the engine's refusal (already filed, nothing to file), or null once it is on the trail.
    /// </summary>
    public Task<Rejection?> FileEResultAsync(
        string caseId, FileEResultCommand command, string filer, CancellationToken cancellationToken) =>
        writer.WriteAsync(caseId, async (session, token) =>
        {
            var stored = await session.FindAsync(caseId, token);
            if (stored is null)
            {
                return new Written<Rejection?>(CaseAccess.NotFound(caseId), null);
            }

            var version = await catalog.VersionOfAsync(session.Db, stored.Row, token);
            var context = version.At(time.GetUtcNow());
            var decision = Workflow.Decide(context, stored.State, command);
            if (decision.IsRejected)
            {
                return new Written<Rejection?>(decision.Rejections[0], null);
            }

            var state = decision.State!;
            return new Written<Rejection?>(null,
                new CaseSave(stored, state, decision.Events, Workflow.NextTick(context, state, context.Now), [],
                    filer, context.Calendar) { Procedure = context.Procedure });
        }, cancellationToken);

    private static Written<Decided> Refused(ImmutableArray<Rejection> rejections) =>
        new(new Decided(null, null, default, rejections), null);

    /// <summary>
    /// What the writer decided: the new state (its view is built here, off the writer's loop) or the refusal.
    /// </summary>
    private sealed record Decided(
        CaseState? State, LoadedVersion? Version, DateTimeOffset Now, ImmutableArray<Rejection> Rejections)
    {
        /// <summary>The decision's events, when <see cref="Rows"/> are to be answered with them.</summary>
        public ImmutableArray<CaseEvent> Events { get; init; } = [];

        /// <summary>The rows the writer wrote for the decision, when the command answers with them.</summary>
        public CaseChange? Rows { get; init; }

        /// <summary>
        /// The caller's answer; with the rows written, also the new trail entries and papers and what
        /// <paramref name="actor"/> may do next, so that a page needs no second read.
        /// </summary>
        public CaseResult ToResult(Actor? actor = null)
        {
            if (State is null)
            {
                return new CaseResult(null, Rejections);
            }

            var view = CaseView.Of(State, Version!, Now);
            if (Rows is not { } rows || actor is null || rows.Events.Count != Events.Length)
            {
                return new CaseResult(view, []);
            }

            var context = Version!.At(Now);
            return new CaseResult(view, [])
            {
                Written = new CaseWritten(
                    [.. rows.Events.Select((e, i) => TrailEntry.Of(e, Events[i], State, Version))],
                    [.. rows.Documents.Select(d => DocumentSummary.Of(d, Version))],
                    Workflow.AvailableActions(context, State, actor), Workflow.Offers(context, State, actor)),
            };
        }
    }

    /// <summary>
    /// The stored version a case of <paramref name="code"/> v<paramref name="number"/> is pinned to (the catalog's
    /// answer).
    /// </summary>
    public Task<LoadedVersion> VersionOfAsync(string code, int number, CancellationToken cancellationToken) =>
        catalog.VersionOfAsync(Db, code, number, cancellationToken);

    /// <summary>How long a case whose tick failed waits before the scanners take it again.</summary>
    public static readonly TimeSpan RetryAfterRefusedTick = TimeSpan.FromMinutes(30);

    /// <summary>Moves a case's next tick to <paramref name="until"/> and releases any scanner's lease on it.</summary>
    public Task PostponeAsync(string caseId, DateTimeOffset until, CancellationToken cancellationToken) =>
        Db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.NextDueAt, until)
                .SetProperty(c => c.LeaseOwner, (string?)null)
                .SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>
    /// Renders the paperwork the new events issue; it is saved in the same transaction as the events. A receipt
    /// among them prints <paramref name="secret"/>, the command's, which is then forgotten (the trail keeps a hash).
    /// </summary>
    private IReadOnlyList<RenderedDocument> Render(
        DecisionContext context, CaseState? before, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added,
        string secret) =>
        DocumentRenderer.RenderIssued(
            context, before, history, added, PublicLookup.PageOf(options.Value) with { Secret = secret });

    /// <summary>
    /// Renders the mails the new events cause to the applicant (none without an address); they go to the outbox in
    /// the same transaction as the events. A receipt's mail gives <paramref name="secret"/>, as the paper does.
    /// </summary>
    private IReadOnlyList<Engine.Mail.RenderedMail> RenderMails(
        DecisionContext context, CaseState? before, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added,
        string secret, IReadOnlyDictionary<string, string> shared) =>
        Engine.Mail.MailRenderer.RenderCaused(
            context, before, history, added, PublicLookup.PageOf(options.Value) with { Secret = secret }, shared);

    /// <summary>The catalog's shared templates: the mails of a version published before it had its own.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SharedTemplatesAsync(
        CancellationToken cancellationToken) =>
        (await catalog.ContextAsync(cancellationToken)).SharedTemplates;

    /// <summary>A lookup secret for a receipt the command may issue: 4 random bytes, as 8 hex digits.</summary>
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));
}

/// <summary>What a tick did: the events it wrote, or why the engine refused it.</summary>
public sealed record TickOutcome(int Events, System.Collections.Immutable.ImmutableArray<Rejection> Rejections)
{
    public bool IsRejected => !Rejections.IsEmpty;
}
