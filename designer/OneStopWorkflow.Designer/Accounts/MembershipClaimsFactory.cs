using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>Adds the user's memberships and display name to the sign-in cookie or bearer token.</summary>
public sealed class MembershipClaimsFactory(
    UserManager<UserRow> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    MembershipDirectory memberships)
    : UserClaimsPrincipalFactory<UserRow, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ActorClaims.DisplayName, user.DisplayName));
        foreach (var m in await memberships.OfAsync(user.Id, CancellationToken.None))
        {
            identity.AddClaim(new Claim(ActorClaims.Membership, $"{m.Unit}|{m.Role}|{m.Position}"));
            identity.AddClaim(new Claim(ClaimTypes.Role, m.Role));
        }

        return identity;
    }
}
