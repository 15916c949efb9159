using Microsoft.AspNetCore.Identity;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>The password and lockout rules of staff accounts, for the web host and for tests alike.</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 8;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        options.User.RequireUniqueEmail = false;
    }
}
