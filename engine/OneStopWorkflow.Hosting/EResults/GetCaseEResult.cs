using Mediator;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>A case's electronic result, for anyone who may read the case; else as if the case did not exist.</summary>
public sealed record GetCaseEResult(string CaseId) : IQuery<EResultFile>;

internal sealed class GetCaseEResultHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, EResultFiles files)
    : IQueryHandler<GetCaseEResult, EResultFile>
{
    public async ValueTask<EResultFile> Handle(GetCaseEResult query, CancellationToken cancellationToken)
    {
        var stored = await new CaseStore(db).FindAsync(query.CaseId, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        return stored is null || !CaseAccess.CanRead(actors.Actor, stored.State, version!.Units)
            ? EResultFile.Refused(CaseAccess.NotFound(query.CaseId))
            : await files.ReadAsync(stored, cancellationToken);
    }
}
