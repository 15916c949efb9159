using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// The applicant brings the supplement a wait step asked for: the step's task completes and the case goes back to
/// the step's resubmit target, with the papers added and the fields given or corrected recorded first. Every
/// applicant wait offers it, so it is not an authored action.
/// </summary>
internal static class Resubmitting
{
    private const string Action = "resubmit";

    private static readonly LocalizedText Title = new("Nhận hồ sơ bổ sung", "Record the supplement");

    public static AvailableAction Offer(TaskState task) => new(task.Id, task.Step, Action, Title, []);

    public static void Apply(DecisionScope scope, ResubmitCommand command)
    {
        var task = scope.State.OpenTasks
                .FirstOrDefault(t => scope.Procedure.Step(t.Step).Awaits == WaitParty.Applicant)
            ?? throw new RejectedException(
                Rejection.Of(RejectionCodes.NotWaiting).With("dossier", scope.State.DossierCode));
        var step = scope.Procedure.Step(task.Step);
        var actor = (command.Actor.IsApplicant ? EventActor.ApplicantAt(command.Actor, task.Unit) : null)
            ?? Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "resubmit")
                .With("actor", Authorization.Describe(command.Actor)).With("unit", task.Unit));
        var fields = FieldValidator.Normalize(scope.Procedure.Fields, command.Fields);
        var problems = FieldValidator.ValidateGiven(scope.Procedure.Fields, fields, DateLimits.Of(scope.Context))
            .AddRange(ComponentValidator.Validate(scope.Procedure, command.Components));
        if (!problems.IsEmpty)
        {
            throw new RejectedException(problems);
        }

        if (!command.Components.IsEmpty)
        {
            scope.Emit(new ComponentsHandedIn(scope.Now, actor, command.Components));
        }

        if (!fields.IsEmpty)
        {
            scope.Emit(new FieldsSupplemented(scope.Now, actor, fields));
        }

        scope.Emit(new TaskCompleted(scope.Now, actor, task.Id, Action, ImmutableDictionary<string, string>.Empty));
        scope.LeaveWait(step, actor);
        scope.Enter(step.ResubmitTo!.Value, task.Branch, actor);
    }
}
