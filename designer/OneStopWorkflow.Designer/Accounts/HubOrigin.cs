namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// The Blazor hub (<c>/_blazor</c>) accepts connections from the app's own pages only. A browser sends the sign-in
/// cookie with a WebSocket opened by any site, and WebSockets are not bound by CORS, so a hub that took any Origin
/// would let another site drive a circuit as the user. An Origin naming another host is refused with 403. Only the
/// host and port are compared, not the scheme, because a proxy in front may end TLS; a request with no Origin (a
/// same-origin long-polling GET) is let through, as browsers always send one with a cross-site request.
/// </summary>
internal static class HubOrigin
{
    public static bool IsForeign(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseHubOrigin(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/_blazor", StringComparison.Ordinal), hub =>
            hub.Use(async (http, next) =>
            {
                if (IsForeign(http.Request))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next(http);
            }));
}
