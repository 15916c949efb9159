using Mediator;
using Microsoft.AspNetCore.Localization;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Documents;

namespace OneStopWorkflow.Designer.Workbench;

/// <summary>The language switch and the stored documents, opened for printing.</summary>
public static class WebEndpoints
{
    public static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == "en" ? "en-GB" : "vi-VN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl : "/");
        });

    /// <summary>A stored document as the HTML that was issued, for anyone who may read its case.</summary>
    public static void MapDocumentEndpoints(this WebApplication app) =>
        app.MapGet("/documents/{id:long}", async (long id, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(new GetDocument(id), cancellationToken) is { Html: { } html }
                ? Results.Content(html, "text/html; charset=utf-8")
                : Results.NotFound()).RequireAuthorization();
}
