using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Documents;

/// <summary>
/// A stored document as it was issued, for anyone who may read its case; otherwise as if it did not exist.
/// </summary>
public sealed record GetDocument(long Id) : IQuery<DocumentResult>;

internal sealed class GetDocumentHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetDocument, DocumentResult>
{
    public async ValueTask<DocumentResult> Handle(GetDocument query, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == query.Id).Select(d => new { d.CaseId, d.Content })
            .FirstOrDefaultAsync(cancellationToken);
        var stored = document is null ? null : await new CaseStore(db).FindAsync(document.CaseId, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        return stored is null || !CaseAccess.CanRead(actors.Actor, stored.State, version!.Units)
            ? DocumentResult.Refused(Rejection.Of(RejectionCodes.NotFound, "document").With("document", query.Id))
            : new DocumentResult(document!.Content, null);
    }
}
