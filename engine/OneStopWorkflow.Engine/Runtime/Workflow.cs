using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Rules;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// The pure decision function of the engine: given a pinned procedure version, a case, a command and the time,
/// it returns the events to append or a rejection with reasons. No I/O, no clock.
/// </summary>
public static class Workflow
{
    public static Decision Decide(DecisionContext context, CaseState? state, CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            if (command is ReceiveCommand receive)
            {
                return state is null
                    ? Receive(context, receive)
                    : Decision.Rejected(Rejection.Of(RejectionCodes.CaseExists).With("case", state.Id.Value));
            }

            if (state is null)
            {
                return Decision.Rejected(Rejection.Of(RejectionCodes.CaseMissing));
            }

            if (Precheck(context, state, command) is { } rejection)
            {
                return Decision.Rejected(rejection);
            }

            var scope = new DecisionScope(context, state);
            switch (command)
            {
                case ActCommand act: Act(scope, act); break;
                case ResubmitCommand resubmit: Resubmit(scope, resubmit); break;
                case HandUpCommand handUp: HandUp(scope, handUp); break;
                case ReassignCommand reassign: Reassign(scope, reassign); break;
                case RescheduleCommand reschedule: Reschedule(scope, reschedule); break;
                case WithdrawCommand withdraw: Withdraw(scope, withdraw); break;
                case TickCommand: Escalations.Tick(scope); break;
                default: throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
            }

            return Decision.Accepted(scope.Events, scope.State);
        }
        catch (RejectedException ex)
        {
            return new Decision([], null, ex.Rejections);
        }
        catch (CalendarYearMissingException ex)
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.CalendarYearMissing)
                .With("calendar", ex.Calendar).With("year", ex.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// When a tick should next run for this case: the earliest pending time-driven escalation. Pass the instant of
    /// the last tick as <paramref name="evaluatedUntil"/> so that triggers it already judged are not returned again.
    /// </summary>
    public static DateTimeOffset? NextTick(DecisionContext context, CaseState state, DateTimeOffset? evaluatedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        return Escalations.NextDue(context, state, evaluatedUntil);
    }

    /// <summary>The actions an actor may take now: the UI offers exactly these.</summary>
    public static ImmutableArray<AvailableAction> AvailableActions(DecisionContext context, CaseState state, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var result = ImmutableArray.CreateBuilder<AvailableAction>();
        foreach (var task in state.OpenTasks)
        {
            if (Authorization.ActingAs(actor, task, context.Units) is null)
            {
                continue;
            }

            var step = context.Procedure.Step(task.Step);
            foreach (var action in step.Actions)
            {
                // A guard that reads the action's input can only be judged once the input is typed.
                var guard = action.Guard is null || action.Guard.Source.Contains("input.", StringComparison.Ordinal)
                    ? RuleResult.Of(true)
                    : RuleEvaluator.EvaluateCondition(action.Guard, RuleModel.For(context, state, task, null));
                if (guard.Value is true)
                {
                    result.Add(new AvailableAction(task.Id, task.Step, action.Id, action.Title, action.Input));
                }
            }

            if (step.Awaits == WaitParty.Applicant)
            {
                result.Add(new AvailableAction(task.Id, task.Step, "resubmit", new LocalizedText("Nhận hồ sơ bổ sung", "Record the supplement"), []));
            }
        }

        return result.ToImmutable();
    }

    private static Rejection? Precheck(DecisionContext context, CaseState state, CaseCommand command)
    {
        if (command.ExpectedVersion is { } expected && expected != state.Version)
        {
            return Rejection.Of(RejectionCodes.CaseChanged)
                .With("dossier", state.DossierCode).With("expected", expected).With("actual", state.Version);
        }

        if (context.Now < state.LastEventAt)
        {
            return Rejection.Of(RejectionCodes.TimeBackwards)
                .With("at", context.Now.ToString("O")).With("last", state.LastEventAt.ToString("O"));
        }

        if (state.ProcedureHash != context.ProcedureHash || state.ProcedureVersion != context.Procedure.Version)
        {
            throw new InvalidOperationException(
                $"Case {state.Id} is pinned to {state.Procedure} v{state.ProcedureVersion} ({state.ProcedureHash}) but was decided against v{context.Procedure.Version} ({context.ProcedureHash}).");
        }

        return state.IsFinished && command is not TickCommand
            ? Rejection.Of(RejectionCodes.CaseFinished)
                .With("dossier", state.DossierCode).With("outcome", RejectionWords.Outcome(state.Outcome))
            : null;
    }

    private static Decision Receive(DecisionContext context, ReceiveCommand command)
    {
        var procedure = context.Procedure;
        if (context.Units.Find(command.Unit) is not { } unit)
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.UnknownUnit).With("unit", command.Unit).On("unit"));
        }

        if (!procedure.ReceivableAt.IsEmpty && !procedure.ReceivableAt.Contains(unit.Level.ToString().ToLowerInvariant()))
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.NotReceivable).On("unit")
                .With("procedure", procedure.Title).With("levels", string.Join(", ", procedure.ReceivableAt))
                .With("unit", unit.Name));
        }

        if (!command.Actor.IsAt(command.Unit))
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.NotAuthorized, "receive")
                .With("actor", Authorization.Describe(command.Actor)).With("unit", command.Unit));
        }

        var problems = FieldValidator.Validate(procedure.Fields, command.Fields);
        if (!problems.IsEmpty)
        {
            return new Decision([], null, problems);
        }

        var role = command.Actor.Memberships.First(m => m.Unit == command.Unit).Role;
        var actor = new EventActor(command.Actor.User, role, command.Unit);
        var received = new CaseReceived(context.Now, actor, command.Id, procedure.Code, procedure.Version, context.ProcedureHash,
            DossierCode.Format(command.Unit, context.Calendar.ToLocal(context.Now), command.Sequence), command.Secret,
            command.Unit, command.Channel, command.Fields);
        var scope = new DecisionScope(context, CaseState.Start(received));
        scope.Enter(procedure.Start, null, actor);
        Act(scope, new ActCommand(command.Actor, command.IntakeAction) { Step = procedure.Start, Input = command.Input });
        return Decision.Accepted(ImmutableArray.Create<CaseEvent>(received).AddRange(scope.Events), scope.State);
    }

    private static TaskState FindTask(DecisionScope scope, StepId? step, string what)
    {
        var open = scope.State.OpenTasks.Where(t => step is null || t.Step == step).ToList();
        return open.Count switch
        {
            1 => open[0],
            0 => throw new RejectedException(step is { } named
                ? Rejection.Of(RejectionCodes.NoOpenTask, "step").With("step", named.Value)
                    .With("dossier", scope.State.DossierCode)
                : Rejection.Of(RejectionCodes.NoOpenTask).With("dossier", scope.State.DossierCode).With("what", what)),
            _ => throw new RejectedException(Rejection.Of(RejectionCodes.AmbiguousTask).On("step")
                .With("steps", string.Join(", ", open.Select(t => t.Step))).With("what", what)),
        };
    }

    private static void Act(DecisionScope scope, ActCommand command)
    {
        var task = TaskFor(scope, command);
        var step = scope.Procedure.Step(task.Step);
        var action = step.FindAction(command.Action) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.UnknownAction).With("step", step.Id.Value).With("action", command.Action)
                .With("offered", string.Join(", ", step.Actions.Select(a => a.Id))));
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "act").With("actor", Authorization.Describe(command.Actor))
                .With("step", step.Id.Value).With("unit", task.Unit)
                .With("role", task.Role is { } role ? new LocalizedText(role, role) : new LocalizedText("cán bộ", "the staff")));
        var problems = FieldValidator.Validate(action.Input, command.Input);
        if (!problems.IsEmpty)
        {
            throw new RejectedException(problems);
        }

        CheckGuard(scope, action, task, command.Input);
        scope.Emit(new TaskCompleted(scope.Now, actor, task.Id, action.Id, command.Input));
        if (action.StartsClock && scope.State.Appointment is null)
        {
            scope.Emit(new ClockStarted(scope.Now, actor, scope.ComputeAppointment(scope.Now)));
        }

        if (step.Kind == StepKind.Wait)
        {
            scope.LeaveWait(step, actor);
        }

        scope.Issue(action.Documents, step.Id, actor);
        scope.Enter(action.To, task.Branch, actor);
    }

    /// <summary>The named step's task, else the one open task that offers the action, else the only open task.</summary>
    private static TaskState TaskFor(DecisionScope scope, ActCommand command)
    {
        if (command.Step is not null)
        {
            return FindTask(scope, command.Step, command.Action);
        }

        var offering = scope.State.OpenTasks
            .Where(t => scope.Procedure.Step(t.Step).FindAction(command.Action) is not null)
            .ToList();
        return offering.Count == 1 ? offering[0] : FindTask(scope, null, command.Action);
    }

    private static void CheckGuard(DecisionScope scope, ActionDefinition action, TaskState task, ImmutableDictionary<string, string> input)
    {
        if (action.Guard is not null && !scope.Holds(action.Guard, task, input, $"Action '{action.Id}'"))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.GuardFailed).With("action", action.Id)
                .With("condition", action.GuardDescription ?? new LocalizedText(action.Guard.Source, action.Guard.Source)));
        }
    }

    private static void Resubmit(DecisionScope scope, ResubmitCommand command)
    {
        var task = scope.State.OpenTasks.FirstOrDefault(t => scope.Procedure.Step(t.Step).Awaits == WaitParty.Applicant)
            ?? throw new RejectedException(Rejection.Of(RejectionCodes.NotWaiting).With("dossier", scope.State.DossierCode));
        var step = scope.Procedure.Step(task.Step);
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "resubmit")
                .With("actor", Authorization.Describe(command.Actor)).With("unit", task.Unit));
        scope.Emit(new TaskCompleted(scope.Now, actor, task.Id, "resubmit", ImmutableDictionary<string, string>.Empty));
        scope.LeaveWait(step, actor);
        scope.Enter(step.ResubmitTo!.Value, task.Branch, actor);
    }

    private static void HandUp(DecisionScope scope, HandUpCommand command)
    {
        RequireReason(command.Reason, "hand-up");
        var task = FindTask(scope, command.Step, "hand up");
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "hand-up").With("actor", Authorization.Describe(command.Actor))
                .With("step", task.Step.Value).With("unit", task.Unit));
        var to = scope.ResolveTarget(task.Unit, command.To);
        if (scope.Context.Units.Get(to).Level != Units.Jurisdiction.Province)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAProvinceUnit).With("unit", to).On("to"));
        }

        scope.Emit(new EscalationFired(scope.Now, actor, $"{task.Id}/manual-{scope.State.Version}", "manual", task.Step, null, to));
        scope.Reassign(task, to, command.Reason, actor);
    }

    private static void Reassign(DecisionScope scope, ReassignCommand command)
    {
        RequireReason(command.Reason, "reassign");
        var task = FindTask(scope, command.Step, "reassign");
        var actor = Authorization.ActingAs(command.Actor, task, scope.Context.Units);
        if (actor?.Role != Roles.Leader)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAuthorized, "reassign")
                .With("unit", task.Unit).With("actor", Authorization.Describe(command.Actor)));
        }

        scope.Reassign(task, scope.ResolveTarget(task.Unit, command.To), command.Reason, actor);
    }

    private static void Reschedule(DecisionScope scope, RescheduleCommand command)
    {
        RequireReason(command.Reason, "reschedule");
        var state = scope.State;
        if (state.PromisedAppointment is not null)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.AlreadyRescheduled).With("dossier", state.DossierCode)
                .With("date", RejectionWords.Instant(scope.Context.Calendar.ToLocal(state.PromisedAppointment.Value))));
        }

        if (state.Appointment is not { } appointment || command.NewAppointment <= appointment)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.BadDate).On("newAppointment"));
        }

        var units = state.OpenTasks.Select(t => t.Unit).Append(state.ReceivingUnit);
        var unit = units.FirstOrDefault(u => command.Actor.Holds(u, Roles.Leader)) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "reschedule").With("dossier", state.DossierCode));
        var actor = new EventActor(command.Actor.User, Roles.Leader, unit);
        scope.Emit(new CaseRescheduled(scope.Now, actor, command.NewAppointment, command.Reason));
        scope.Issue(scope.Procedure.Documents.Where(d => d.Form == "04").Select(d => d.Id), null, actor);
    }

    private static void Withdraw(DecisionScope scope, WithdrawCommand command)
    {
        RequireReason(command.Reason, "withdraw");
        var unit = scope.State.ReceivingUnit;
        var membership = command.Actor.Memberships.FirstOrDefault(m => m.Unit == unit);
        if (membership == default)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAuthorized, "withdraw")
                .With("unit", unit).With("actor", Authorization.Describe(command.Actor)));
        }

        var actor = new EventActor(command.Actor.User, membership.Role, unit);
        // Finish first: the stop notice states the reason the case was stopped for.
        scope.Finish(Outcome.Withdrawn, command.Reason, actor);
        scope.Issue(scope.Procedure.WithdrawalDocuments, null, actor);
    }

    private static void RequireReason(string reason, string command)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.ReasonRequired, command).On("reason"));
        }
    }
}
