using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Who may open, check, try and change procedure versions: policy staff and admins.</summary>
internal static class VersionAccess
{
    public static readonly Rejection Forbidden = Rejection.Of(RejectionCodes.Forbidden, "policy");

    public static bool MayDesign(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin);
    }
}
