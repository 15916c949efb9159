using Microsoft.AspNetCore.Localization;
using OneStopWorkflow.Designer.Operations;

namespace OneStopWorkflow.Designer.Localization;

/// <summary>
/// The language switch: remembers the chosen language in a cookie and returns to the page it came from.
/// </summary>
public static class CultureEndpoint
{
    public static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == "en" ? "en-GB" : "vi-VN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
}
