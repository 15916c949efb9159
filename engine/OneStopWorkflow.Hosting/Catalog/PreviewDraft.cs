using Mediator;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Renders a document of a draft definition (as <see cref="ValidateDraft"/> gave it) on a sample case received
/// at a commune, with fields filled from their types (policy staff and admins).
/// </summary>
public sealed record PreviewDraft(ProcedureDefinition Procedure, string DocumentId) : IQuery<DraftPreview>;

/// <summary>The rendered document, or what kept it from rendering, as the text to show in its place.</summary>
public sealed record DraftPreview(string Html, Rejection? Rejection) : IRefusable<DraftPreview>
{
    public static DraftPreview Refused(Rejection rejection) => new("", rejection);
}

internal sealed class PreviewDraftHandler(
    ProcedureCatalog catalog, ActorAccessor actors, IOptions<OneStopOptions> options)
    : IQueryHandler<PreviewDraft, DraftPreview>
{
    public async ValueTask<DraftPreview> Handle(PreviewDraft query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return DraftPreview.Refused(VersionAccess.Forbidden);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        return new DraftPreview(DraftTrial.Preview(
            query.Procedure, context, query.DocumentId, PublicLookup.PageOf(options.Value)), null);
    }
}
