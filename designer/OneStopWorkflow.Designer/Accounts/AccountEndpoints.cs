using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// Sign-in and sign-out for the browser (cookie) and for integrations (a bearer token of
/// <see cref="SessionRules.BearerLifetime"/> and a refresh token). Both sign-ins are rate limited per address and per
/// user name before any password is checked, and answer an unknown user, a wrong password and a locked account
/// alike.
/// </summary>
public static class AccountEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", SignInAsync);
        app.MapPost("/account/logout", SignOutAsync);
        app.MapPost("/api/token", TokenAsync).AllowAnonymous().WithTags("Accounts")
            .WithSummary("Exchange a user name and password for a bearer token (15 minutes) and a refresh token.");
        app.MapPost("/api/token/refresh", RefreshAsync).AllowAnonymous().WithTags("Accounts")
            .WithSummary("Exchange a refresh token for a new bearer token and refresh token, while the account "
                + "is unchanged (no membership removed, not disabled or locked, password not reset, not signed out).");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInManager<UserRow> signIn,
        PasswordCheck passwords, SignInThrottle throttle, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        var form = await http.Request.ReadFormAsync();
        var userName = form["username"].ToString().Trim();
        var returnUrl = LocalUrl.OrHome(form["returnUrl"].ToString());
        string Again(string error) =>
            $"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl == "/" ? "" : returnUrl)}";
        if (throttle.Refuse(http, userName) is not null)
        {
            return Results.LocalRedirect(Again("throttled"));
        }

        if (await passwords.CheckAsync(userName, form["password"].ToString()) is not { } user)
        {
            return Results.LocalRedirect(Again("failed"));
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>
    /// Ends every session of the user, not only this cookie: a new security stamp makes the cookie refused even if
    /// it was copied before, and the user's tokens and open pages with it, within
    /// <see cref="SessionRules.ValidationInterval"/>.
    /// </summary>
    private static async Task<IResult> SignOutAsync(
        HttpContext http, SignInManager<UserRow> signIn, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static async Task<IResult> TokenAsync(TokenRequest request, HttpContext http,
        SignInManager<UserRow> signIn, PasswordCheck passwords, SignInThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            return ApiResults.Missing("userName", "clerk.lechan");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return ApiResults.Missing("password", "Demo@2026");
        }

        if (throttle.Refuse(http, request.UserName) is { } wait)
        {
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiResults.Problem([Rejection.Of(RejectionCodes.TooManyAttempts).With("seconds", seconds)]);
        }

        if (await passwords.CheckAsync(request.UserName.Trim(), request.Password) is not { } user)
        {
            return ApiResults.Problem([Rejection.Of(RejectionCodes.SignInFailed)]);
        }

        return BearerSignIn(await signIn.CreateUserPrincipalAsync(user));
    }

    /// <summary>Identity's refresh (as in its MapIdentityApi), with the check every session passes again.</summary>
    private static async Task<IResult> RefreshAsync(
        RefreshRequest request, SignInManager<UserRow> signIn, IOptionsMonitor<BearerTokenOptions> bearer)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return ApiResults.Missing("refreshToken", "CfDJ8…");
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken);
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || await SessionCheck.CurrentUserAsync(signIn, ticket.Principal) is not { } user)
        {
            return ApiResults.Problem([Rejection.Of(RejectionCodes.SignInFailed, "refresh")]);
        }

        return BearerSignIn(await signIn.CreateUserPrincipalAsync(user));
    }

    private static IResult BearerSignIn(ClaimsPrincipal principal) =>
        Results.SignIn(new ClaimsPrincipal(principal.Identities.First()),
            authenticationScheme: IdentityConstants.BearerScheme);
}
