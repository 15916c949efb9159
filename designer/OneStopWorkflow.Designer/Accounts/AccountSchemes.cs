using Microsoft.AspNetCore.Identity;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// Which sign-in a request is authenticated by. The API under <c>/api</c> takes bearer tokens only: a browser sends
/// its cookie with any same-site form post or script, so the cookie there would let a page that is not the app act
/// as its user, and the app's own pages never call the API. Pages and documents take the cookie, or a bearer token
/// when one is sent.
/// </summary>
internal static class AccountSchemes
{
    public const string CookieOrBearer = "cookie-or-bearer";

    public static bool UsesBearer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
    }

    public static string For(HttpRequest request) =>
        UsesBearer(request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
}
