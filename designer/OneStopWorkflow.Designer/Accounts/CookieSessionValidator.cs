using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// Identity's check of the sign-in cookie, which runs once the cookie is older than
/// <see cref="SessionRules.ValidationInterval"/>: on top of the security stamp it refuses a locked-out account, and
/// on success it rebuilds the cookie from the account, so memberships given or taken meanwhile apply.
/// </summary>
internal sealed class CookieSessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<UserRow> signIn, ILoggerFactory logs)
    : SecurityStampValidator<UserRow>(options, signIn, logs)
{
    protected override Task<UserRow?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        SessionCheck.CurrentUserAsync(SignInManager, principal);
}
