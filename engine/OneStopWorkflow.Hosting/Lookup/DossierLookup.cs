using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>
/// Finds a dossier by its code and the secret on its receipt, and shows it as the citizen sees it. Every attempt is
/// counted by the <see cref="LookupLimiter"/> first, whichever channel sent it.
/// </summary>
internal sealed class DossierLookup(
    OneStopDbContext db, ProcedureCatalog catalog, LookupLimiter limiter, TimeProvider time)
{
    /// <summary>The longest dossier code looked up; a longer one is no code (the column holds at most this).</summary>
    private const int MaxCodeLength = 40;

    /// <summary>
    /// One answer for an unknown code and a wrong secret, so the lookup never tells which codes exist.
    /// </summary>
    public static readonly Rejection NoMatch = Rejection.Of(RejectionCodes.NoMatch);

    /// <summary>
    /// The case with this code whose receipt printed this secret; or why not: no match, or too many attempts. An
    /// unknown code and a wrong secret take the same work: one indexed read of the code's id and hash, one hash and
    /// one constant-time comparison. The trail is read only once the secret matched.
    /// </summary>
    public async Task<(StoredCase? Case, Rejection? Refused)> FindAsync(
        string code, string secret, string? client, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        normalized = normalized.Length > MaxCodeLength ? normalized[..MaxCodeLength] : normalized;
        if (limiter.TryAcquire(client, normalized) is { } wait)
        {
            return (null, Rejection.Of(RejectionCodes.LookupLimited)
                .With("minutes", (long)Math.Max(1, Math.Ceiling(wait.TotalMinutes))));
        }

        var row = await db.Cases.AsNoTracking().Where(c => c.DossierCode == normalized)
            .Select(c => new { c.Id, c.SecretHash }).SingleOrDefaultAsync(cancellationToken);
        if (!LookupSecret.Matches(row?.Id, row?.SecretHash, secret))
        {
            return (null, NoMatch);
        }

        return await new CaseStore(db).FindAsync(row!.Id, cancellationToken) is { } stored
            ? (stored, null)
            : (null, NoMatch);
    }

    public async Task<LookupView> ViewAsync(StoredCase stored, CancellationToken cancellationToken)
    {
        var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        var view = CaseView.Of(stored.State, version, time.GetUtcNow());
        var rating = await db.Ratings.Where(r => r.CaseId == stored.Row.Id).Select(r => (int?)r.Score)
            .FirstOrDefaultAsync(cancellationToken);
        var steps = stored.State.Tasks.Where(t => t.CompletedAt is not null && !t.Cancelled)
            .Select(t => version.Procedure.Step(t.Step).Title.Vi).ToImmutableArray();
        var collectAt = version.Units.Find(stored.State.ReceivingUnit)?.Name.Vi ?? stored.State.ReceivingUnit;
        return new LookupView(view.DossierCode, view.ProcedureTitle, view.Status, view.ReceivedAt,
            view.PromisedAppointment ?? view.Appointment, view.FinishedAt, view.Outcome, steps, collectAt,
            stored.State.IsFinished && rating is null, rating)
        {
            NowAt = [.. stored.State.OpenTasks.Select(t => NowAt(version, t))],
            Supplement = SupplementOf(stored, version.Procedure),
        };
    }

    /// <summary>The open supplement request, with the clerk's reason (the last one given), if the case waits.</summary>
    private static SupplementAsked? SupplementOf(StoredCase stored, ProcedureDefinition procedure)
    {
        if (!stored.State.OpenTasks.Any(t => procedure.Step(t.Step).Awaits == WaitParty.Applicant))
        {
            return null;
        }

        var reason = stored.Events.OfType<TaskCompleted>().LastOrDefault(e => e.Input.ContainsKey("reason"))
            ?.Input["reason"] ?? "";
        var missing = ComponentValidator.Missing(procedure, stored.State.Received ?? []).Select(c => c.Id)
            .ToHashSet(StringComparer.Ordinal);
        return new SupplementAsked(reason, [.. procedure.Components.Select(c =>
            new SupplementComponent(c.Id, c.Name, c.Required, missing.Contains(c.Id)))]);
    }

    private static LocalizedText NowAt(LoadedVersion version, TaskState task)
    {
        var step = version.Procedure.Step(task.Step);
        var since = version.Calendar.ToLocal(task.ActivatedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return step.Awaits == WaitParty.Applicant
            ? new($"Đang chờ công dân bổ sung hồ sơ (từ {since})", $"Waiting for your supplement (since {since})")
            : step.Title;
    }
}
