using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Rules;
using OneStopWorkflow.Engine.Runtime.Commands;
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
                    ? Receiving.Decide(context, receive)
                    : Decision.Rejected(Rejection.Of(RejectionCodes.CaseExists).With("case", state.Id.Value));
            }

            if (command is SubmitOnlineCommand submit)
            {
                return state is null
                    ? SubmittingOnline.Decide(context, submit)
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

            var scope = new DecisionScope(context, state) { Secret = command.Secret };
            switch (command)
            {
                case ActCommand act: Acting.Apply(scope, act); break;
                case ResubmitCommand resubmit: Resubmitting.Apply(scope, resubmit); break;
                case HandUpCommand handUp: HandingUp.Apply(scope, handUp); break;
                case ReassignCommand reassign: Reassigning.Apply(scope, reassign); break;
                case RescheduleCommand reschedule: Rescheduling.Apply(scope, reschedule); break;
                case WithdrawCommand withdraw: Withdrawing.Apply(scope, withdraw); break;
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
                .With("calendar", ex.Calendar).With("year", ex.Year.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// When a tick should next run for this case: the earliest pending time-driven escalation. Pass the instant of
    /// the last tick as <paramref name="evaluatedUntil"/> so that triggers it already judged are not returned again.
    /// </summary>
    public static DateTimeOffset? NextTick(
        DecisionContext context, CaseState state, DateTimeOffset? evaluatedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        return Escalations.NextDue(context, state, evaluatedUntil);
    }

    /// <summary>The actions an actor may take now: the UI offers exactly these.</summary>
    public static ImmutableArray<AvailableAction> AvailableActions(
        DecisionContext context, CaseState state, Actor actor)
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
                var guard = action.Guard is null || action.Guard.ReadsInput
                    ? RuleResult.Of(true)
                    : RuleEvaluator.EvaluateCondition(action.Guard, RuleModel.For(context, state, task, null));
                if (guard.Value is true)
                {
                    result.Add(new AvailableAction(task.Id, task.Step, action.Id, action.Title, action.Input)
                    {
                        Kind = KindOf(context.Procedure, step, action),
                    });
                }
            }

            if (step.Awaits == WaitParty.Applicant)
            {
                result.Add(Resubmitting.Offer(task) with { Kind = ActionKind.Resubmit });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// What an actor may do besides the steps' actions: hand up the tasks it works (not while the case waits for
    /// the applicant), promise a new appointment once (a leader), record a withdrawal (the receiving unit's clerk or
    /// leader, or the roles the procedure names). Each is checked again when it is asked for.
    /// </summary>
    public static CaseOffers Offers(DecisionContext context, CaseState state, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (state.IsFinished || actor.IsReadOnly)
        {
            return CaseOffers.None;
        }

        var waitsForApplicant = state.OpenTasks.Any(t => context.Procedure.Step(t.Step).Awaits == WaitParty.Applicant);
        var handUp = waitsForApplicant ? [] : state.OpenTasks
            .Where(t => Authorization.ActingAs(actor, t, context.Units) is not null).Select(t => t.Id)
            .ToImmutableArray();
        var reschedule = state.PromisedAppointment is null && state.Appointment is not null
            && state.OpenTasks.Select(t => t.Unit).Append(state.ReceivingUnit).Any(u => actor.Holds(u, Roles.Leader));
        return new CaseOffers(handUp, reschedule, Withdrawing.MayWithdraw(context.Procedure, state, actor));
    }

    private static ActionKind KindOf(ProcedureDefinition procedure, StepDefinition step, ActionDefinition action) =>
        procedure.FindStep(action.To) switch
        {
            { Kind: StepKind.End, Outcome: not Outcome.Resolved } => ActionKind.Ends,
            { Kind: StepKind.Task } target when ProcedureGraph.GoesBack(procedure, step.Id, target.Id) =>
                ActionKind.SendBack,
            _ => ActionKind.Forward,
        };

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
                $"Case {state.Id} is pinned to {state.Procedure} v{state.ProcedureVersion} ({state.ProcedureHash}) "
                + $"but was decided against v{context.Procedure.Version} ({context.ProcedureHash}).");
        }

        return state.IsFinished && command is not TickCommand
            ? Rejection.Of(RejectionCodes.CaseFinished)
                .With("dossier", state.DossierCode).With("outcome", RejectionWords.Outcome(state.Outcome))
            : null;
    }
}
