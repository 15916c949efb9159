namespace OneStopWorkflow.Designer.Operations;

/// <summary>
/// The headers every answer carries. Pages, the API and papers show citizens' names and ID numbers, so nothing is
/// cached, sniffed, framed by another site or told where the reader came from; pages run only the app's own
/// scripts; papers (issued documents, the control slip, the tracking book) run none at all.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The app's pages: Blazor Server and MudBlazor load their scripts from the app and talk to it over its own
    /// WebSocket (no <c>unsafe-eval</c>, no inline script); MudBlazor positions elements with inline styles.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// A paper: its own styles and embedded pictures, nothing else; framed only by the app's pages, which print it.
    /// </summary>
    public const string PaperPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'self'";

    /// <summary>Adds the headers to every answer that has not set its own policy.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "SAMEORIGIN";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = PagePolicy;
            }

            if (!headers.ContainsKey("Cache-Control") && !IsStaticAsset(http.Response.ContentType))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>An issued paper as HTML, under the policy that lets it run nothing.</summary>
    public static IResult Paper(string html) => new PaperResult(html);

    /// <summary>Scripts, style sheets, pictures and fonts of the app itself carry no personal data.</summary>
    private static bool IsStaticAsset(string? contentType) =>
        contentType is { } type && (type.StartsWith("text/css", StringComparison.Ordinal)
            || type.Contains("javascript", StringComparison.Ordinal)
            || type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("font/", StringComparison.Ordinal)
            || type.StartsWith("application/font", StringComparison.Ordinal));
}

/// <summary>A paper's HTML, sent with <see cref="SecurityHeaders.PaperPolicy"/>.</summary>
internal sealed class PaperResult(string html) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.PaperPolicy;
        return Results.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
    }
}
