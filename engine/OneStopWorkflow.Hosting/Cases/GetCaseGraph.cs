using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// The procedure.json of the version a case is pinned to, for drawing the case's path on its graph; for anyone who
/// may read the case (a case they may not read answers as an unknown one, as <see cref="GetCase"/> does).
/// </summary>
public sealed record GetCaseGraph(string CaseIdOrDossierCode) : IQuery<CaseGraphResult>;

public sealed record CaseGraphResult(string? ProcedureJson, Rejection? Rejection) : IRefusable<CaseGraphResult>
{
    public static CaseGraphResult Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class GetCaseGraphHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetCaseGraph, CaseGraphResult>
{
    public async ValueTask<CaseGraphResult> Handle(GetCaseGraph query, CancellationToken cancellationToken)
    {
        var store = new CaseStore(db);
        var stored = await store.FindAsync(query.CaseIdOrDossierCode, cancellationToken)
            ?? await store.FindByDossierCodeAsync(query.CaseIdOrDossierCode, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        if (stored is null || !CaseAccess.CanRead(actors.Actor!, stored.State, version!.Units))
        {
            return CaseGraphResult.Refused(CaseAccess.NotFound(query.CaseIdOrDossierCode));
        }

        var row = await ProcedureCatalog.FindAsync(
            db, stored.Row.ProcedureCode, stored.Row.ProcedureVersion, cancellationToken);
        return new CaseGraphResult(row?.CanonicalJson, null);
    }
}
