using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// The one check that a cookie, a bearer token, a refresh token and an open circuit pass again every
/// <see cref="SessionRules.ValidationInterval"/>: the account still exists, its security stamp is the one the sign-in
/// carries (a removed membership, a disabled account, a reset password and a sign-out each give it a new one) and it
/// is not locked out.
/// </summary>
internal static class SessionCheck
{
    public static async Task<UserRow?> CurrentUserAsync(SignInManager<UserRow> signIn, ClaimsPrincipal? principal)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var user = await signIn.ValidateSecurityStampAsync(principal);
        return user is not null && !await signIn.UserManager.IsLockedOutAsync(user) ? user : null;
    }
}
