using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Recomputes the hash chain of one case's trail, or of all, and checks that each case's snapshot (its row and task
/// rows) is the fold of its intact trail (auditors and admins).
/// </summary>
public sealed record VerifyTrails(string? CaseId) : IQuery<VerifyResult>;

public sealed record VerifyResult(TrailReport? Report, Rejection? Rejection) : IRefusable<VerifyResult>
{
    public static VerifyResult Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class VerifyTrailsHandler(OneStopDbContext db, ActorAccessor actors, ProcedureCatalog catalog)
    : IQueryHandler<VerifyTrails, VerifyResult>
{
    public async ValueTask<VerifyResult> Handle(VerifyTrails query, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (!actor.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin))
        {
            return VerifyResult.Refused(Rejection.Of(RejectionCodes.Forbidden, "verify"));
        }

        // "Intact" is never said of a case that is not there. The row is enough: a broken trail may not replay.
        if (query.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return VerifyResult.Refused(CaseAccess.NotFound(caseId));
        }

        var report = await TrailVerifier.VerifyAsync(db, query.CaseId, cancellationToken);
        var broken = report.Broken.Select(b => b.CaseId).ToHashSet(StringComparer.Ordinal);
        var snapshots = await SnapshotsAsync(query.CaseId, broken, cancellationToken);
        return new VerifyResult(report with { Broken = [.. report.Broken, .. snapshots] }, null);
    }

    /// <summary>The cases whose snapshot is not the fold of their trail (a broken trail is skipped).</summary>
    private async Task<List<BrokenLink>> SnapshotsAsync(
        string? caseId, HashSet<string> broken, CancellationToken cancellationToken)
    {
        var ids = caseId is not null
            ? [caseId]
            : await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var store = new CaseStore(db);
        List<BrokenLink> found = [];
        foreach (var id in ids.Where(id => !broken.Contains(id)))
        {
            var stored = await store.FindAsync(id, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == id).ToListAsync(cancellationToken);
            var differences = SnapshotCheck.Differences(
                stored.Row, tasks, stored.State, version.Calendar, version.Procedure);
            if (differences.Count > 0)
            {
                found.Add(new BrokenLink(id, stored.Row.DossierCode, stored.Row.Version,
                    "its snapshot is not the fold of its trail: " + string.Join("; ", differences)));
            }

            if (await Persistence.Scans.ScanCheck.DifferencesAsync(db, stored.State, cancellationToken) is
                { Count: > 0 } scans)
            {
                found.Add(new BrokenLink(id, stored.Row.DossierCode, stored.Row.Version, string.Join("; ", scans)));
            }

            db.ChangeTracker.Clear();
        }

        return found;
    }
}
