using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>An officer hands a task up to a province unit: a manual escalation that reassigns the task.</summary>
internal static class HandingUp
{
    public static void Apply(DecisionScope scope, HandUpCommand command)
    {
        Reasons.Require(command.Reason, "hand-up");
        var task = Tasks.Find(scope, command.Step, "hand up");
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "hand-up").With("actor", Authorization.Describe(command.Actor))
                .With("step", scope.Procedure.Step(task.Step).Title)
                .With("unit", scope.Context.Units.NameOf(task.Unit)));
        if (scope.Procedure.Step(task.Step).Awaits == Definitions.WaitParty.Applicant)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.WaitingForApplicant)
                .With("dossier", scope.State.DossierCode));
        }

        var to = UnitRouting.ResolveTarget(scope.Context.Units, task.Unit, command.To);
        if (scope.Context.Units.Get(to).Level != Jurisdiction.Province)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAProvinceUnit).With("unit", to).On("to"));
        }

        scope.Emit(new EscalationFired(
            scope.Now, actor, $"{task.Id}/manual-{scope.State.Version}", "manual", task.Step, null, to));
        scope.Reassign(task, to, command.Reason, actor);
    }
}
