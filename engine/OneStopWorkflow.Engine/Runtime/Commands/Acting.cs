using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>An officer or citizen takes an action of a step: checks input and guard, then moves the case on.</summary>
internal static class Acting
{
    public static void Apply(DecisionScope scope, ActCommand command)
    {
        var task = TaskFor(scope, command);
        var step = scope.Procedure.Step(task.Step);
        var action = step.FindAction(command.Action) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.UnknownAction).With("step", step.Title)
                .With("action", TextInput.Quote(command.Action))
                .With("offered", string.Join(", ", step.Actions.Select(a => a.Id))));
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "act").With("actor", Authorization.Describe(command.Actor))
                .With("step", step.Title).With("unit", scope.Context.Units.NameOf(task.Unit))
                .With("role", task.Role is { } role
                    ? scope.Context.Units.Roles.TryGetValue(role, out var known) ? known.Title : new(role, role)
                    : new LocalizedText("cán bộ", "the staff")));
        var input = FieldValidator.Normalize(action.Input, command.Input);
        var problems = FieldValidator.ValidateInput(action.Input, input, DateLimits.Of(scope.Context));
        if (!problems.IsEmpty)
        {
            throw new RejectedException(problems);
        }

        CheckGuard(scope, action, task, input);
        if (action.StartsClock && scope.State.Appointment is null)
        {
            CheckComplete(scope);
        }

        scope.Emit(new TaskCompleted(scope.Now, actor, task.Id, action.Id, input));
        if (action.StartsClock && scope.State.Appointment is null)
        {
            var from = CountsFrom(scope);
            scope.Emit(new ClockStarted(scope.Now, actor, scope.ComputeAppointment(from))
            {
                CountsFrom = from == scope.Now ? null : from,
            });
        }

        if (step.Kind == StepKind.Wait)
        {
            scope.LeaveWait(step, actor);
        }

        scope.Issue(action.Documents, step.Id, actor);
        scope.Enter(action.To, task.Branch, actor);
    }

    /// <summary>
    /// Where the time of a dossier accepted now starts: now, unless it came online after hours (then the next
    /// working day's opening after its submission, when that is still to come).
    /// </summary>
    private static DateTimeOffset CountsFrom(DecisionScope scope)
    {
        if (scope.State.Channel != CaseChannel.Online || scope.Procedure.Online is not { } online)
        {
            return scope.Now;
        }

        var from = online.CountsFrom(scope.Context.Calendar, scope.State.ReceivedAt);
        return from > scope.Now ? from : scope.Now;
    }

    /// <summary>
    /// The named step's task, else the one open task that offers the action, else the only open task.
    /// </summary>
    private static TaskState TaskFor(DecisionScope scope, ActCommand command)
    {
        if (command.Step is not null)
        {
            return Tasks.Find(scope, command.Step, command.Action);
        }

        var offering = scope.State.OpenTasks
            .Where(t => scope.Procedure.Step(t.Step).FindAction(command.Action) is not null)
            .ToList();
        return offering.Count == 1 ? offering[0] : Tasks.Find(scope, null, command.Action);
    }

    /// <summary>
    /// Accepting a dossier needs it complete: every required field (a supplement request at receipt needed only
    /// the contact fields) and every required paper. A case received before papers were recorded has no record to
    /// judge, so only its fields are checked.
    /// </summary>
    private static void CheckComplete(DecisionScope scope)
    {
        var problems =
            FieldValidator.Validate(scope.Procedure.Fields, scope.State.Fields, DateLimits.Of(scope.Context));
        if (scope.State.Received is { } received
            && ComponentValidator.MissingRejection(ComponentValidator.Missing(scope.Procedure, received)) is { } m)
        {
            problems = problems.Add(m);
        }

        if (!problems.IsEmpty)
        {
            throw new RejectedException(problems);
        }
    }

    private static void CheckGuard(
        DecisionScope scope, ActionDefinition action, TaskState task, ImmutableDictionary<string, string> input)
    {
        if (action.Guard is not null && !scope.Holds(action.Guard, task, input, $"Action '{action.Id}'"))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.GuardFailed).With("action", action.Id)
                .With("condition", action.GuardDescription
                    ?? new LocalizedText(action.Guard.Source, action.Guard.Source)));
        }
    }
}
