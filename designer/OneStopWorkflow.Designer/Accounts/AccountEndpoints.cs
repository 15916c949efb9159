using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>Sign-in and sign-out for the browser (cookie) and for integrations (bearer token).</summary>
public static class AccountEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async (
            HttpContext http, SignInManager<UserRow> signIn, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync();
            var userName = form["username"].ToString().Trim();
            var returnUrl = LocalUrl.OrHome(form["returnUrl"].ToString());
            var result = await signIn.PasswordSignInAsync(
                userName, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                var reason = result.IsLockedOut ? "locked" : "failed";
                return Results.LocalRedirect($"/login?error={reason}&returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            return Results.LocalRedirect(returnUrl);
        });

        app.MapPost("/account/logout", async (
            HttpContext http, SignInManager<UserRow> signIn, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/api/token", async (
            TokenRequest request, SignInManager<UserRow> signIn, UserManager<UserRow> users) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName))
            {
                return ApiResults.Missing("userName", "clerk.lechan");
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                return ApiResults.Missing("password", "Demo@2026");
            }

            var user = await users.FindByNameAsync(request.UserName);
            if (user is null)
            {
                return Results.Problem(title: "Sign-in failed", detail: "Unknown user name or wrong password.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                return Results.Problem(title: "Sign-in failed",
                    detail: check.IsLockedOut
                        ? "The account is locked for a while after repeated failures."
                        : "Unknown user name or wrong password.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            return Results.SignIn(new ClaimsPrincipal(principal.Identities.First()),
                authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithTags("Accounts")
            .WithSummary("Exchange a user name and password for a bearer token.");
    }
}
