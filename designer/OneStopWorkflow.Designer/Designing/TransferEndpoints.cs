using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Localization;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Engine.Refusals;
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
            // A bearer token is never sent by a browser on its own, so only the cookie's form needs the token.
            if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                await antiforgery.ValidateRequestAsync(http);
            }

            if (!http.Request.HasFormContentType)
            {
                return ApiResults.Problem([Rejection.Of(RejectionCodes.BadRequest, "not-a-form")]);
            }

            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                return ApiResults.Problem(
                    [Rejection.Of(RejectionCodes.BadRequest, "body").With("problem", ex.Message)]);
            }

            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return Callers.WantPage(http.Request)
                    ? Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString(Text.T("import-choose")))
                    : ApiResults.Missing("file", "land-use-transfer-v2.zip");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var result = await mediator.Send(
                new ImportVersions(buffer.ToArray()) { FileName = NameOf(file) }, ct);
            return Callers.WantPage(http.Request) ? Redirect(result) : Answer(result);
        }).RequireAuthorization(p => p.RequireRole(Roles.Policy, Roles.Admin));
    }

    private static string NameOf(IFormFile file) =>
        Path.GetFileName(file.FileName) is { Length: > 0 and <= 200 } name && !name.Any(char.IsControl)
            ? name
            : "import.zip";

    private static IResult Redirect(ImportResult result)
    {
        var message = result.Rejection is { } refused
            ? Text.Of(refused)
            : string.Join(" | ", result.Outcomes.Select(o => o.ToString()));
        return Results.LocalRedirect("/designer?imported=" + Uri.EscapeDataString(message));
    }

    /// <summary>
    /// 200 with the outcomes when every version was published or unchanged; 422 with the diagnostics (code, file,
    /// line, column, message) of those refused.
    /// </summary>
    private static IResult Answer(ImportResult result)
    {
        if (result.Rejection is { } rejection)
        {
            return ApiResults.Problem([rejection]);
        }

        var outcomes = result.Outcomes.Select(o => new
        {
            path = o.Path, code = o.Code, version = o.Version, status = o.Status.ToString(), message = o.Message,
            diagnostics = o.Diagnostics.Select(d => new
            {
                code = d.Code, severity = d.Severity.ToString(), message = d.Message, file = d.Location.File,
                line = d.Location.Line, column = d.Location.Column, jsonPath = d.Location.JsonPath,
            }),
        }).ToArray();
        if (!result.Outcomes.Any(o => o.IsRefused))
        {
            return Results.Ok(outcomes);
        }

        var refused = Rejection.Of(RejectionCodes.ImportRefused);
        var culture = CultureInfo.CurrentUICulture;
        return Results.Problem(title: refused.MessageIn(culture),
            detail: string.Join(" ", result.Outcomes.Where(o => o.IsRefused).SelectMany(o => o.Diagnostics)),
            statusCode: StatusCodes.Status422UnprocessableEntity, type: $"urn:onestop:{refused.Code}",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = refused.Code,
                ["field"] = "file",
                ["diagnostics"] = outcomes.SelectMany(o => o.diagnostics).ToArray(),
                ["outcomes"] = outcomes,
            });
    }
}
