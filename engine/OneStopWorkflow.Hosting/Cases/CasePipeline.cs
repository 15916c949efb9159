using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// Load, check access, decide, save: every case command goes through here, and each is one transaction.
/// A refused command writes nothing; a command that loses a race throws <see cref="ConcurrencyConflictException"/>.
/// A case the caller may not read is refused exactly as an unknown case, before anything else is judged.
/// </summary>
public sealed class CasePipeline(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time,
    IOptions<OneStopOptions> options)
{
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
        var row = await ProcedureCatalog.PublishedAsync(db, request.Procedure, request.Version, cancellationToken);
        if (row is null)
        {
            var unknown = Rejection.Of(RejectionCodes.ProcedureUnknown, request.Version is null ? null : "version")
                .On("procedure").With("procedure", CaseAccess.Quote(request.Procedure));
            return CaseResult.Refused(request.Version is { } v ? unknown.With("version", v) : unknown);
        }

        var version = await catalog.LoadAsync(row, cancellationToken);
        var context = version.At(time.GetUtcNow());
        var id = new CaseId(Guid.CreateVersion7(context.Now).ToString("N"));
        var command = new ReceiveCommand(actor, id, request.Unit)
        {
            Channel = request.Channel, Fields = request.Fields,
            IntakeAction = request.IntakeAction, Input = request.Input, Components = request.Components,
            Secret = NewSecret(),
            Sequence = request.FirstSequence,
        };

        // Decide once before taking a number, so a refused receipt does not leave a gap in the day's book.
        if (Workflow.Decide(context, null, command) is { IsRejected: true } refused)
        {
            return new CaseResult(null, refused.Rejections);
        }

        var local = context.Calendar.ToLocal(context.Now);
        var day = local.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sequence = await DossierSequences.NextAsync(
            db, request.Unit, day, request.FirstSequence, cancellationToken);

        // The book number is taken in the case's transaction: a receipt that fails to save gives it back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var book = await TrackingBookSequences.NextAsync(db, request.Unit, local.Year, cancellationToken);
        var decision = Workflow.Decide(context, null, command with { Sequence = sequence, Book = book });
        if (decision.IsRejected)
        {
            return new CaseResult(null, decision.Rejections);
        }

        var state = decision.State!;
        await new CaseStore(db).SaveAsync(
            new CaseSave(null, state, decision.Events, Workflow.NextTick(context, state),
                Render(context, [], decision.Events, command.Secret), actor.User, context.Calendar),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseResult(CaseView.Of(state, version, context.Now), []);
    }

    public async Task<CaseResult> ExecuteAsync(ICaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = actors.Actor
            ?? throw new InvalidOperationException("The access behaviour lets no anonymous caller in.");
        var stored = await new CaseStore(db).FindAsync(request.CaseId, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        if (stored is null || !CaseAccess.CanRead(actor, stored.State, version!.Units))
        {
            return CaseResult.Refused(CaseAccess.NotFound(request.CaseId));
        }

        if (CaseAccess.CanAct(actor) is { } readOnly)
        {
            return CaseResult.Refused(readOnly);
        }

        var context = version.At(time.GetUtcNow());
        var command = request.ToEngine(actor.Operational()) with { Secret = NewSecret() };
        var decision = Workflow.Decide(context, stored.State, command);
        if (decision.IsRejected)
        {
            return new CaseResult(null, decision.Rejections);
        }

        var state = decision.State!;
        await new CaseStore(db).SaveAsync(
            new CaseSave(stored, state, decision.Events, Workflow.NextTick(context, state),
                Render(context, stored.Events, decision.Events, command.Secret), actor.User, context.Calendar),
            cancellationToken);
        return new CaseResult(CaseView.Of(state, version, context.Now), []);
    }

    /// <summary>
    /// Applies time-driven work to a case claimed by a scanner and releases the claim. Returns the events written,
    /// or null when the engine refused the tick (nothing was judged; the scanner postpones the case).
    /// </summary>
    public async Task<TickOutcome> TickAsync(string caseId, string scanner, CancellationToken cancellationToken)
    {
        var stored = await new CaseStore(db).FindAsync(caseId, cancellationToken);
        if (stored is null)
        {
            return new TickOutcome(0, []);
        }

        var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        var context = version.At(time.GetUtcNow());
        var tick = new TickCommand { Secret = NewSecret() };
        var decision = Workflow.Decide(context, stored.State, tick);
        if (decision.IsRejected)
        {
            return new TickOutcome(0, decision.Rejections);
        }

        var state = decision.State!;
        await new CaseStore(db).SaveAsync(
            new CaseSave(stored, state, decision.Events, Workflow.NextTick(context, state, context.Now),
                Render(context, stored.Events, decision.Events, tick.Secret), scanner, context.Calendar),
            cancellationToken);
        return new TickOutcome(decision.Events.Length, []);
    }

    /// <summary>
    /// The stored version a case of <paramref name="code"/> v<paramref name="number"/> is pinned to (the catalog's
    /// answer).
    /// </summary>
    public Task<LoadedVersion> VersionOfAsync(string code, int number, CancellationToken cancellationToken) =>
        catalog.VersionOfAsync(db, code, number, cancellationToken);

    /// <summary>How long a case whose tick failed waits before the scanners take it again.</summary>
    public static readonly TimeSpan RetryAfterRefusedTick = TimeSpan.FromMinutes(30);

    /// <summary>Moves a case's next tick to <paramref name="until"/> and releases any scanner's lease on it.</summary>
    public Task PostponeAsync(string caseId, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.NextDueAt, until)
                .SetProperty(c => c.LeaseOwner, (string?)null)
                .SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>
    /// Renders the paperwork the new events issue; it is saved in the same transaction as the events. A receipt
    /// among them prints <paramref name="secret"/>, the command's, which is then forgotten (the trail keeps a hash).
    /// </summary>
    private IReadOnlyList<RenderedDocument> Render(
        DecisionContext context, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added, string secret) =>
        DocumentRenderer.RenderIssued(
            context, history, added, PublicLookup.PageOf(options.Value) with { Secret = secret });

    /// <summary>A lookup secret for a receipt the command may issue: 4 random bytes, as 8 hex digits.</summary>
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));
}

/// <summary>What a tick did: the events it wrote, or why the engine refused it.</summary>
public sealed record TickOutcome(int Events, System.Collections.Immutable.ImmutableArray<Rejection> Rejections)
{
    public bool IsRejected => !Rejections.IsEmpty;
}
