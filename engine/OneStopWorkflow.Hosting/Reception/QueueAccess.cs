using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>Who works a centre's queue: its clerks and leaders.</summary>
internal static class QueueAccess
{
    public static Rejection? Refusal(Actor actor, string centre) =>
        actor.Holds(centre, Roles.Clerk) || actor.Holds(centre, Roles.Leader)
            ? null
            : Rejection.Of(RejectionCodes.Forbidden, "queue").With("centre", CaseAccess.Quote(centre))
                .With("actor", Authorization.Describe(actor));
}
