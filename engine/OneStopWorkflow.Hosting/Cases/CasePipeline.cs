using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// Load, check access, decide, save: every case command goes through here, and each is one transaction.
/// A refused command writes nothing; a command that loses a race throws <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class CasePipeline(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time, IOptions<OneStopOptions> options)
{
    public async Task<CaseResult> ReceiveAsync(ReceiveCase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = actors.Actor;
        if (actor is null || actor.Memberships.IsEmpty)
        {
            return CaseResult.Refused(CaseAccess.Anonymous);
        }

        if (actor.Memberships.All(m => Roles.ReadOnly.Contains(m.Role)))
        {
            return CaseResult.Refused(new Rejection("read-only", $"{Authorization.Describe(actor)} may read cases but not receive them."));
        }

        if (request.FirstSequence is < 1 or > 9999)
        {
            return CaseResult.Refused(new Rejection("field-invalid", "Field 'firstSequence' must be a dossier number from 1 to 9999."));
        }

        actor = Operational(actor);
        var row = await ProcedureCatalog.PublishedAsync(db, request.Procedure, request.Version, cancellationToken);
        if (row is null)
        {
            return CaseResult.Refused(new Rejection("procedure-unknown", request.Version is { } v
                ? $"Procedure '{request.Procedure}' has no published version {v}."
                : $"Procedure '{request.Procedure}' has no published version; publish one first."));
        }

        var version = await catalog.LoadAsync(row, cancellationToken);
        var context = version.At(time.GetUtcNow());
        var id = new CaseId(Guid.CreateVersion7(context.Now).ToString("N"));
        var command = new ReceiveCommand(actor, id, request.Unit)
        {
            Channel = request.Channel, Fields = request.Fields, IntakeAction = request.IntakeAction, Input = request.Input,
            Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), Sequence = request.FirstSequence,
        };

        // Decide once before taking a number, so a refused receipt does not leave a gap in the day's book.
        if (Workflow.Decide(context, null, command) is { IsRejected: true } refused)
        {
            return new CaseResult(null, refused.Rejections);
        }

        var day = context.Calendar.ToLocal(context.Now).ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sequence = await DossierSequences.NextAsync(db, request.Unit, day, request.FirstSequence, cancellationToken);
        var decision = Workflow.Decide(context, null, command with { Sequence = sequence });
        if (decision.IsRejected)
        {
            return new CaseResult(null, decision.Rejections);
        }

        await new CaseStore(db).SaveAsync(null, decision.State!, decision.Events, Workflow.NextTick(context, decision.State!),
            Render(context, [], decision.Events), actor.User, cancellationToken, WorkingHours(version));
        return new CaseResult(CaseView.Of(decision.State!, version, context.Now), []);
    }

    public async Task<CaseResult> ExecuteAsync(ICaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = actors.Actor;
        if (actor is null || actor.Memberships.IsEmpty)
        {
            return CaseResult.Refused(CaseAccess.Anonymous);
        }

        var stored = await new CaseStore(db).FindAsync(request.CaseId, cancellationToken);
        if (stored is null)
        {
            return CaseResult.Refused(NotFound(request.CaseId));
        }

        var version = await VersionOfAsync(stored, cancellationToken);
        if (CaseAccess.CanAct(actor) is { } forbidden)
        {
            return CaseResult.Refused(forbidden);
        }

        var context = version.At(time.GetUtcNow());
        var decision = Workflow.Decide(context, stored.State, request.ToEngine(Operational(actor)));
        if (decision.IsRejected)
        {
            return new CaseResult(null, decision.Rejections);
        }

        await new CaseStore(db).SaveAsync(stored, decision.State!, decision.Events, Workflow.NextTick(context, decision.State!),
            Render(context, stored.Events, decision.Events), actor.User, cancellationToken, WorkingHours(version));
        return new CaseResult(CaseView.Of(decision.State!, version, context.Now), []);
    }

    /// <summary>Applies time-driven work to a case claimed by a scanner and releases the claim. Returns the events written.</summary>
    public async Task<int> TickAsync(string caseId, string scanner, CancellationToken cancellationToken)
    {
        var stored = await new CaseStore(db).FindAsync(caseId, cancellationToken);
        if (stored is null)
        {
            return 0;
        }

        var version = await VersionOfAsync(stored, cancellationToken);
        var context = version.At(time.GetUtcNow());
        var decision = Workflow.Decide(context, stored.State, new TickCommand());
        if (decision.IsRejected)
        {
            // Nothing was judged: try again later rather than step past the escalations that are due.
            await PostponeAsync(caseId, context.Now + RetryAfterRefusedTick, cancellationToken);
            throw new InvalidOperationException(
                $"Tick of case {stored.State.DossierCode} was refused ({string.Join("; ", decision.Rejections)}); retrying after {RetryAfterRefusedTick}.");
        }

        var state = decision.State!;
        await new CaseStore(db).SaveAsync(stored, state, decision.Events, Workflow.NextTick(context, state, context.Now),
            Render(context, stored.Events, decision.Events), scanner, cancellationToken, WorkingHours(version));
        return decision.Events.Length;
    }

    /// <summary>How many working hours a finished task took, on the version's calendar; null when a year is missing.</summary>
    private static Func<TaskState, double?> WorkingHours(LoadedVersion version) => task =>
    {
        try
        {
            return version.Calendar.WorkingTimeBetween(task.ActivatedAt, task.CompletedAt!.Value).TotalHours;
        }
        catch (Engine.Calendar.CalendarYearMissingException)
        {
            return null;
        }
    };

    /// <summary>How long a case whose tick failed waits before the scanners take it again.</summary>
    public static readonly TimeSpan RetryAfterRefusedTick = TimeSpan.FromMinutes(30);

    /// <summary>Moves a case's next tick to <paramref name="until"/> and releases any scanner's lease on it.</summary>
    public Task PostponeAsync(string caseId, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.NextDueAt, until).SetProperty(c => c.LeaseOwner, (string?)null).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>
    /// The actor without read-only memberships: an auditor at one unit who is a clerk at another acts only as the
    /// clerk, never "as auditor".
    /// </summary>
    private static Actor Operational(Actor actor) =>
        actor with { Memberships = [.. actor.Memberships.Where(m => !Roles.ReadOnly.Contains(m.Role))] };


    /// <summary>Renders the paperwork the new events issue; it is saved in the same transaction as the events.</summary>
    private IReadOnlyList<RenderedDocument> Render(DecisionContext context, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseEvent> added) =>
        DocumentRenderer.RenderIssued(context, history, added, options.Value.LookupUrl);

    public Task<LoadedVersion> VersionOfAsync(StoredCase stored, CancellationToken cancellationToken) =>
        VersionOfAsync(stored.Row.ProcedureCode, stored.Row.ProcedureVersion, cancellationToken);

    public async Task<LoadedVersion> VersionOfAsync(string code, int number, CancellationToken cancellationToken)
    {
        if (catalog.Pinned(code, number) is { } pinned)
        {
            return pinned;
        }

        var row = await ProcedureCatalog.FindAsync(db, code, number, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {code} v{number}, which a stored case is pinned to, is not in the store.");
        return await catalog.LoadAsync(row, cancellationToken);
    }

    internal static Rejection NotFound(string caseId) =>
        new("not-found", $"There is no case '{caseId}'. Check the id or search by dossier code.");
}
