namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// How long a sign-in holds without being checked again. Every cookie, bearer token and open circuit is checked
/// against the account (its security stamp, its lockout and its memberships) at least once a
/// <see cref="ValidationInterval"/>, so a removed membership, a disabled or locked account, a reset password or a
/// sign-out ends the access within that interval.
/// </summary>
public static class SessionRules
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>A bearer token's life; an integration renews it at <c>POST /api/token/refresh</c>.</summary>
    public static readonly TimeSpan BearerLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A refresh token's life: a working day and the night after it, so an integration need not keep a password.
    /// </summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromHours(16);
}
