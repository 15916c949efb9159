using Mediator;
using Microsoft.Net.Http.Headers;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Hosting.EResults;

namespace OneStopWorkflow.Designer.EResults;

/// <summary>
/// The electronic result as a PDF download: for the citizen by dossier code and secret (the lookup's check and
/// limit), posted from the lookup page's form so the secret stays out of addresses and logs, or asked by GET with
/// both in the query; for staff who may read the case, by its id.
/// </summary>
public static class EResultEndpoints
{
    public sealed record EResultBody(string? Code, string? Secret);

    public static void MapEResultEndpoints(this WebApplication app)
    {
        var lookup = app.MapGroup("/api/lookup").AllowAnonymous().WithTags("Public lookup");
        lookup.MapGet("/e-result", (string? code, string? secret, HttpContext http, IMediator m,
                CancellationToken ct) => DownloadAsync(code, secret, http, m, ct))
            .WithSummary("Download a dossier's electronic result (PDF), by code and secret.");
        lookup.MapPost("/e-result", async (HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var (code, secret) = await ReadBodyAsync(http.Request, ct);
                return await DownloadAsync(code, secret, http, m, ct);
            })
            .DisableAntiforgery()
            .WithSummary("Download a dossier's electronic result (PDF); code and secret in a form or JSON body.");

        app.MapGet("/cases/{id}/e-result", async (string id, IMediator m, CancellationToken ct) =>
                File(await m.Send(new GetCaseEResult(id), ct)))
            .RequireAuthorization().WithTags("OneStopWorkflow")
            .WithSummary("Download a case's electronic result (PDF), for staff who may read the case.");
    }

    private static async Task<IResult> DownloadAsync(
        string? code, string? secret, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return ApiResults.Missing("code", "HP.LECHAN-260302-0001");
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            return ApiResults.Missing("secret", "3f9a0c1e");
        }

        var file = await mediator.Send(
            new DownloadEResult(code, secret) { Client = OneStopApi.ClientOf(http) }, cancellationToken);
        return file.Rejection is { } refused ? OneStopApi.LookupProblem(http, refused) : File(file);
    }

    /// <summary>The code and secret of a form post or a JSON body; anything else carries neither.</summary>
    private static async Task<(string? Code, string? Secret)> ReadBodyAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form["code"].FirstOrDefault(), form["secret"].FirstOrDefault());
        }

        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<EResultBody>(cancellationToken);
                return (body?.Code, body?.Secret);
            }
            catch (System.Text.Json.JsonException)
            {
                return (null, null);
            }
        }

        return (null, null);
    }

    /// <summary>The PDF as an attachment, never sniffed or cached; a refusal as ProblemDetails.</summary>
    private static IResult File(EResultFile file)
    {
        if (file.Rejection is { } refused)
        {
            return ApiResults.Problem([refused]);
        }

        return new AttachmentResult(file);
    }

    private sealed class AttachmentResult(EResultFile file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            return Results.File(file.Content!, file.MediaType, file.FileName).ExecuteAsync(httpContext);
        }
    }
}
