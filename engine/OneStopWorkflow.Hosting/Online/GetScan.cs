using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>A stored scan's bytes, with the name and the type its content was found to be.</summary>
public sealed record ScanFile(string FileName, string MediaType, byte[] Content);

public sealed record ScanResult(ScanFile? File, Rejection? Rejection) : IRefusable<ScanResult>
{
    public static ScanResult Refused(Rejection rejection) => new(null, rejection);
}

/// <summary>
/// A scan of a dossier, for people who may read the case it belongs to; to anyone else it does not exist.
/// </summary>
public sealed record GetScan(string ScanId) : IQuery<ScanResult>;

internal sealed class GetScanHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetScan, ScanResult>
{
    public async ValueTask<ScanResult> Handle(GetScan query, CancellationToken cancellationToken)
    {
        var missing = Rejection.Of(RejectionCodes.NotFound, "scan").With("scan", CaseAccess.Quote(query.ScanId));
        var scan = await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.ScanId, cancellationToken);
        if (scan is null || await new CaseStore(db).FindAsync(scan.CaseId, cancellationToken) is not { } stored)
        {
            return ScanResult.Refused(missing);
        }

        var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        var named = stored.State.Received?.SelectMany(r => r.Scans ?? []).Any(s => s.Id == scan.Id) == true;
        return named && CaseAccess.CanRead(actors.Actor, stored.State, version.Units)
            ? new ScanResult(new ScanFile(scan.FileName, scan.MediaType, scan.Content), null)
            : ScanResult.Refused(missing);
    }
}
