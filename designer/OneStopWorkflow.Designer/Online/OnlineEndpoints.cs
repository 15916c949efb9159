using System.Collections.Immutable;
using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Online;

namespace OneStopWorkflow.Designer.Online;

/// <summary>
/// Online submission over HTTP (multipart/form-data, no sign-in) and the scans, for staff who may read the case.
/// A submission's form has <c>procedure</c>, <c>unit</c>, <c>delivery</c>, each field as <c>fields.{name}</c> and
/// each file under <c>components.{component id}</c> (several files per component allowed).
/// </summary>
public static class OnlineEndpoints
{
    /// <summary>What the multipart reader takes beyond the scans themselves: the fields and the part headers.</summary>
    private const long FormOverhead = 1024 * 1024;

    private const string FieldPrefix = "fields.";
    private const string ComponentPrefix = "components.";

    public sealed record SubmissionAnswer(string DossierCode, string Secret, string Lookup, string Status);

    public static void MapOnlineEndpoints(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OneStopOptions>>()
            .Value.Online.MaxDossierBytes + FormOverhead;
        var online = app.MapGroup("/api/online").AllowAnonymous().DisableAntiforgery().WithTags("Online services")
            .WithMetadata(new RequestSizeLimitAttribute(limit),
                new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
        online.MapPost("/submissions", async (HttpContext http, IMediator m, CancellationToken ct) =>
            {
                if (await FormAsync(http, ct) is not { } form)
                {
                    return NotMultipart();
                }

                var result = await m.Send(new SubmitOnline(form["procedure"].ToString(), form["unit"].ToString())
                {
                    Fields = Prefixed(form, FieldPrefix),
                    Scans = await ScansAsync(form, ct),
                    Delivery = form["delivery"] is { Count: > 0 } d ? d.ToString() : ResultDelivery.Counter,
                    Client = http.Connection.RemoteIpAddress?.ToString(),
                }, ct);
                return result.IsRejected
                    ? Refused(http, result.Rejections, result.RetryAfter)
                    : Results.Created($"/tra-cuu?code={Uri.EscapeDataString(result.DossierCode!)}",
                        new SubmissionAnswer(result.DossierCode!, result.Secret!,
                            $"/tra-cuu?code={Uri.EscapeDataString(result.DossierCode!)}", result.Case!.Status));
            })
            .WithSummary("Submit a dossier online with its scans; answers its code and secret.");
        online.MapPost("/supplements", async (HttpContext http, IMediator m, CancellationToken ct) =>
            {
                if (await FormAsync(http, ct) is not { } form)
                {
                    return NotMultipart();
                }

                var result = await m.Send(new SupplementOnline(form["code"].ToString(), form["secret"].ToString())
                {
                    Fields = Prefixed(form, FieldPrefix),
                    Scans = await ScansAsync(form, ct),
                    Client = http.Connection.RemoteIpAddress?.ToString(),
                }, ct);
                return result.IsRejected ? Refused(http, result.Rejections, null) : Results.NoContent();
            })
            .WithSummary("Add the scans and fields a supplement request asked for, with the dossier's code, secret.");

        app.MapGet("/scans/{id}", async (string id, IMediator m, CancellationToken ct) =>
                await m.Send(new GetScan(id), ct) is { File: { } file }
                    ? Attachment(file)
                    : Results.NotFound())
            .RequireAuthorization();
    }

    /// <summary>
    /// A scan as a download: never shown by the browser as a page of this site, so a file crafted to look like
    /// HTML cannot run here, whatever it holds.
    /// </summary>
    private static ScanDownload Attachment(ScanFile file) => new(file);

    private sealed class ScanDownload(ScanFile file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            headers[HeaderNames.CacheControl] = "private, no-store";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(file.FileName);
            headers[HeaderNames.ContentDisposition] = disposition.ToString();
            return Results.Bytes(file.Content, file.MediaType).ExecuteAsync(httpContext);
        }
    }

    private static async Task<IFormCollection?> FormAsync(HttpContext http, CancellationToken cancellationToken) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;

    private static IResult NotMultipart() => ApiResults.Problem([Rejection.Of(RejectionCodes.BadRequest)
        .With("problem", "multipart/form-data")]);

    private static ImmutableDictionary<string, string> Prefixed(IFormCollection form, string prefix) =>
        form.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToImmutableDictionary(f => f.Key[prefix.Length..], f => f.Value.ToString(), StringComparer.Ordinal);

    private static async Task<ImmutableArray<UploadedScan>> ScansAsync(
        IFormCollection form, CancellationToken cancellationToken)
    {
        var scans = ImmutableArray.CreateBuilder<UploadedScan>();
        foreach (var file in form.Files.Where(f => f.Name.StartsWith(ComponentPrefix, StringComparison.Ordinal)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            scans.Add(new UploadedScan(file.Name[ComponentPrefix.Length..], file.FileName, buffer.ToArray()));
        }

        return scans.ToImmutable();
    }

    private static IResult Refused(HttpContext http, ImmutableArray<Rejection> rejections, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter =
                ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiResults.Problem(rejections, StatusCodes.Status429TooManyRequests);
        }

        var status = rejections[0].Code is RejectionCodes.ScanTooLarge or RejectionCodes.DossierTooLarge
            ? StatusCodes.Status413PayloadTooLarge
            : rejections[0].Code is RejectionCodes.ScanInvalid or RejectionCodes.ScanRequired
                ? StatusCodes.Status415UnsupportedMediaType
                : (int?)null;
        return ApiResults.Problem(rejections, status);
    }
}
