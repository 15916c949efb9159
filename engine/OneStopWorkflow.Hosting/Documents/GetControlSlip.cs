using Mediator;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Documents;

/// <summary>
/// The control slip (form 06) of a case as it stands now, every hand-over so far, rendered from the trail like any
/// issued document but not stored. Addressed by case id or dossier code, for anyone who may read the case.
/// </summary>
public sealed record GetControlSlip(string CaseIdOrDossierCode) : IQuery<DocumentResult>;

internal sealed class GetControlSlipHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time,
    IOptions<OneStopOptions> options)
    : IQueryHandler<GetControlSlip, DocumentResult>
{
    /// <summary>The form number of the control slip in Circular 01/2018/TT-VPCP.</summary>
    private const string ControlSlipForm = "06";

    public async ValueTask<DocumentResult> Handle(GetControlSlip query, CancellationToken cancellationToken)
    {
        var store = new CaseStore(db);
        var key = query.CaseIdOrDossierCode.Trim();
        var stored = await store.FindAsync(key, cancellationToken)
            ?? await store.FindByDossierCodeAsync(key, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        if (stored is null || !CaseAccess.CanRead(actors.Actor, stored.State, version!.Units))
        {
            return DocumentResult.Refused(CaseAccess.NotFound(key));
        }

        var slip = version.Procedure.Documents.FirstOrDefault(d => d.Form == ControlSlipForm);
        if (slip is null)
        {
            return DocumentResult.Refused(
                Rejection.Of(RejectionCodes.NotFound, "document").With("document", ControlSlipForm));
        }

        var context = version.At(time.GetUtcNow());
        var issued = new DocumentIssued(
            context.Now, new EventActor(actors.Actor!.User, Roles.Auditor, stored.State.ReceivingUnit),
            slip.Id, slip.Form, null);
        return new DocumentResult(
            DocumentRenderer.Render(
                context, stored.Events.Add(issued), issued, PublicLookup.PageOf(options.Value)), null);
    }
}
