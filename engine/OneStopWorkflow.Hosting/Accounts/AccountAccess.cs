using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// What the account requests share: only admins administer users, a user is named by their user name, an admin
/// never locks themselves out, and a disabled account is one locked out until the end of time.
/// </summary>
internal static class AccountAccess
{
    public static readonly Rejection NotAdmin = Rejection.Of(RejectionCodes.Forbidden, "admin");

    public static readonly Rejection Self = Rejection.Of(RejectionCodes.Forbidden, "self");

    public static bool IsAdmin(Actor actor) => actor.Memberships.Any(m => m.Role == Roles.Admin);

    public static bool IsSelf(UserManager<UserRow> users, Actor actor, UserRow user) =>
        string.Equals(users.NormalizeName(actor.User), user.NormalizedUserName, StringComparison.Ordinal);

    public static Rejection UnknownUser(string userName) =>
        Rejection.Of(RejectionCodes.NotFound, "user").With("user", CaseAccess.Quote(userName)).On("userName");

    /// <summary>
    /// Locked out until <see cref="DateTimeOffset.MaxValue"/>, compared by year: PostgreSQL keeps microseconds, so
    /// the instant read back is a little before the one written.
    /// </summary>
    public static bool IsDisabled(bool lockoutEnabled, DateTimeOffset? lockoutEnd) =>
        lockoutEnabled && lockoutEnd?.Year == DateTimeOffset.MaxValue.Year;

    /// <summary>The roles a membership may name: the unit directory's roles and the application's own.</summary>
    public static ImmutableArray<string> AssignableRoles(UnitDirectory units) =>
        [.. units.Roles.Keys.Concat([Roles.Admin, Roles.Policy, Roles.Auditor])
            .Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// The outcome of a write that validates nothing the caller sent: a concurrent change is refused, anything
    /// else is a bug and throws.
    /// </summary>
    public static AccountResult Outcome(IdentityResult result, string userName)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return AccountResult.Done;
        }

        var problems = string.Join(" ", result.Errors.Select(e => e.Description));
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? AccountResult.Refused(
                Rejection.Of(RejectionCodes.AccountChanged).With("user", CaseAccess.Quote(userName)))
            : throw new InvalidOperationException($"Identity refused to update '{userName}': {problems}");
    }
}
