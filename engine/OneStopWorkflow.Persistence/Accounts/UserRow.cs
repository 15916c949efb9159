using Microsoft.AspNetCore.Identity;

namespace OneStopWorkflow.Persistence.Accounts;

/// <summary>
/// A person who signs in: an Identity user with a display name; their units and roles are
/// <see cref="MembershipRow"/>s.
/// </summary>
public sealed class UserRow : IdentityUser
{
    public string DisplayName { get; set; } = null!;
}
