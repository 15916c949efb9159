using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// Checks a user name and password for the sign-in form and the token endpoint so that the answer tells nothing:
/// an unknown user name, a wrong password and a locked account are all just "no", and each costs one password hash
/// (a dummy one when there is no account to check, or the account is locked), so they also take about the same
/// time. A wrong password counts towards Identity's lockout.
/// </summary>
internal sealed class PasswordCheck(SignInManager<UserRow> signIn, IPasswordHasher<UserRow> hasher, DummyPassword dummy)
{
    /// <summary>The account, when the password is its own and it may sign in now; otherwise null.</summary>
    public async Task<UserRow?> CheckAsync(string userName, string password)
    {
        var user = userName.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(userName);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before hashing, and an unknown one never hashes: hash the dummy.
            hasher.VerifyHashedPassword(DummyPassword.Nobody, dummy.Hash, password);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
