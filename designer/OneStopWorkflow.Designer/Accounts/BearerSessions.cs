using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// A bearer token is the principal of its sign-in, sealed for its whole life, and ASP.NET's bearer handler has no
/// event to check it again. This middleware does, after authentication: a token's account passes
/// <see cref="SessionCheck"/> at most <see cref="SessionRules.ValidationInterval"/> before it is used, and the
/// request runs as the account is now (memberships reloaded), not as it was when the token was issued. A refused
/// token makes the request anonymous, which the API answers with 401.
/// </summary>
internal sealed class BearerSessions(IOptions<SecurityStampValidatorOptions> options) : IMiddleware
{
    /// <summary>The last check of each user's tokens, keyed by user id: one entry per user who used a token.</summary>
    private readonly ConcurrentDictionary<string, Checked> _checked = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.User.Identity?.IsAuthenticated == true && AccountSchemes.UsesBearer(context.Request))
        {
            var signIn = context.RequestServices.GetRequiredService<SignInManager<UserRow>>();
            context.User = await CurrentAsync(signIn, context.User) ?? new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }

    private async Task<ClaimsPrincipal?> CurrentAsync(SignInManager<UserRow> signIn, ClaimsPrincipal token)
    {
        var now = (options.Value.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (token.FindFirstValue(signIn.Options.ClaimsIdentity.UserIdClaimType) is not { } id)
        {
            return null;
        }

        var stamp = token.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        if (_checked.TryGetValue(id, out var last) && last.Stamp == stamp
            && now - last.At < options.Value.ValidationInterval)
        {
            return last.Principal;
        }

        var user = await SessionCheck.CurrentUserAsync(signIn, token);
        var current = user is null ? null : await signIn.CreateUserPrincipalAsync(user);
        _checked[id] = new Checked(stamp, now, current);
        return current;
    }

    /// <summary>What the check of a token with <paramref name="Stamp"/> found at <paramref name="At"/>.</summary>
    private sealed record Checked(string? Stamp, DateTimeOffset At, ClaimsPrincipal? Principal);
}
