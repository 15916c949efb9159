using Mediator;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Hosting.Documents;

namespace OneStopWorkflow.Designer.Documents;

/// <summary>The stored documents, opened for printing.</summary>
public static class DocumentEndpoints
{
    /// <summary>A stored document as the HTML that was issued, for anyone who may read its case.</summary>
    public static void MapDocumentEndpoints(this WebApplication app) =>
        app.MapGet("/documents/{id:long}", async (long id, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(new GetDocument(id), cancellationToken) is { Html: { } html }
                ? SecurityHeaders.Paper(html)
                : Results.NotFound()).RequireAuthorization();
}
