namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// How many sign-in attempts (the form and <c>POST /api/token</c> together) are let through per window, from one IP
/// address and for one user name, read from <c>OneStop:SignInLimits</c>. The user-name limit stays below Identity's
/// lockout (5 failures), so that a burst of wrong passwords from strangers is refused before it locks the account
/// for its owner.
/// </summary>
public sealed record SignInLimitOptions
{
    /// <summary>
    /// Attempts from one address per <see cref="AddressWindow"/>; generous, as a centre's clerks share one address.
    /// </summary>
    public int PerAddress { get; init; } = 20;

    public TimeSpan AddressWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts for one user name per <see cref="UserNameWindow"/>.</summary>
    public int PerUserName { get; init; } = 4;

    public TimeSpan UserNameWindow { get; init; } = TimeSpan.FromMinutes(5);
}
