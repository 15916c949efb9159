using System.Security.Claims;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>The signed-in user's units and roles travel as claims "osw:membership" = "UNIT|role".</summary>
public static class ActorClaims
{
    public const string Membership = "osw:membership";
    public const string DisplayName = "osw:name";

    public static Actor? ToActor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.Identity.Name is not { } name)
        {
            return null;
        }

        var memberships = user.FindAll(Membership).Select(c => c.Value.Split('|', 2)).Where(p => p.Length == 2)
            .Select(p => new Membership(p[0], p[1])).ToArray();
        return new Actor(name, [.. memberships]);
    }

    public static string Name(ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name ?? "";
}
