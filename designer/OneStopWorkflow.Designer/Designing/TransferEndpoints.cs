using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using OneStopWorkflow.Designer.Localization;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// Export a stored version as the folder layout of procedures/ (a zip), and import one through the same checks as
/// the catalog import and the designer's publish.
/// </summary>
public static class TransferEndpoints
{
    public static void MapTransferEndpoints(this WebApplication app)
    {
        app.MapGet("/designer/export/{code}/{version:int}", async (
            string code, int version, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new ExportVersion(code, version), ct) is { Zip: { } zip } export
                ? Results.File(zip, "application/zip", export.FileName)
                : Results.NotFound()).RequireAuthorization(p => p.RequireRole(Roles.Policy, Roles.Admin));

        app.MapPost("/designer/import", async (
            HttpContext http, IMediator mediator, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString(Text.T("import-choose")));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var result = await mediator.Send(new ImportVersions(buffer.ToArray()), ct);
            var message = result.Rejection is { } refused
                ? Text.Of(refused)
                : string.Join(" | ", result.Outcomes.Select(o => o.ToString()));
            return Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString(message));
        }).RequireAuthorization(p => p.RequireRole(Roles.Policy, Roles.Admin));
    }
}
