using System.Security.Claims;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// The signed-in user's units, roles and positions travel as claims "osw:membership" = "UNIT|role|position", and
/// their full name as "osw:name".
/// </summary>
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

        var memberships = user.FindAll(Membership).Select(c => c.Value.Split('|', 3)).Where(p => p.Length >= 2)
            .Select(p => new Membership(p[0], p[1]) { Position = p.Length == 3 && p[2].Length > 0 ? p[2] : null })
            .ToArray();
        return new Actor(name, [.. memberships]) { Name = user.FindFirst(DisplayName)?.Value };
    }

    public static string Name(ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name ?? "";
}
