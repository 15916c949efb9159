using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>A leader of the task's unit sends the task to another unit.</summary>
internal static class Reassigning
{
    public static void Apply(DecisionScope scope, ReassignCommand command)
    {
        Reasons.Require(command.Reason, "reassign");
        var task = Tasks.Find(scope, command.Step, "reassign");
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units);
        if (actor?.Role != Roles.Leader)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAuthorized, "reassign")
                .With("unit", task.Unit).With("actor", Authorization.Describe(command.Actor)));
        }

        scope.Reassign(task, UnitRouting.ResolveTarget(scope.Context.Units, task.Unit, command.To), command.Reason,
            actor);
    }
}
