using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Rules;
using Scriban.Runtime;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Accumulates the events of one decision, applying each to the state as it is emitted, so that the state a
/// decision returns is exactly the fold of its events. Thrown <see cref="RejectedException"/>s unwind it.
/// </summary>
internal sealed class DecisionScope(DecisionContext context, CaseState state)
{
    private readonly List<CaseEvent> _events = [];
    private const int MaxStepsWithoutWaiting = 200;
    private int _depth;
    private (CaseState? State, TaskState? Task, ImmutableDictionary<string, string>? Input, ScriptObject Model)?
        _ruleModel;

    public DecisionContext Context { get; } = context;

    public CaseState State { get; private set; } = state;

    public ProcedureDefinition Procedure => Context.Procedure;

    public DateTimeOffset Now => Context.Now;

    /// <summary>The lookup secret of the command decided, printed by a receipt it issues.</summary>
    public string Secret { get; init; } = "";

    /// <summary>The Circular 03/2025 form of the receipt, the paper that gives the citizen the lookup secret.</summary>
    private const string ReceiptForm = "01";

    public ImmutableArray<CaseEvent> Events => [.. _events];

    public void Emit(CaseEvent e)
    {
        _events.Add(e);
        State = State.Apply(e);
    }

    public static EventActor System(CaseState state) =>
        new(Actor.System.User, Actor.System.User, state.ReceivingUnit) { Name = EventActor.SystemName };

    public string NextTaskId() => $"t{State.Tasks.Count + 1}";

    /// <summary>Moves the case into a step: activates a task, fans out, joins, acts automatically, or ends.</summary>
    public void Enter(StepId id, StepId? branch, EventActor actor)
    {
        if (++_depth > MaxStepsWithoutWaiting)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.RoutingLoop)
                .With("limit", MaxStepsWithoutWaiting).With("step", id.Value));
        }

        var step = Procedure.Step(id);
        switch (step.Kind)
        {
            case StepKind.Task or StepKind.Wait:
                Activate(step, branch, actor);
                break;
            case StepKind.Parallel:
                foreach (var b in step.Branches)
                {
                    Enter(b, b, actor);
                }

                break;
            case StepKind.Join:
                ArriveAtJoin(step, branch, actor);
                break;
            case StepKind.Auto:
                Issue(step.Documents, step.Id, actor);
                Enter(step.Next!.Value, branch, actor);
                break;
            case StepKind.End:
                Issue(step.Documents, step.Id, actor);
                Finish(step.Outcome!.Value, null, actor);
                break;
        }
    }

    public void Finish(Outcome outcome, string? reason, EventActor actor)
    {
        foreach (var task in State.OpenTasks.ToList())
        {
            Emit(new TaskCancelled(Now, actor, task.Id));
        }

        Emit(new CaseFinished(Now, actor, outcome, reason));
    }

    public void Issue(IEnumerable<string> documents, StepId? step, EventActor actor)
    {
        foreach (var id in documents)
        {
            var form = Procedure.FindDocument(id)?.Form;
            var issued = new DocumentIssued(Now, actor, id, form, step);

            // A receipt issued after the one drawn at receipt (a dossier accepted after a supplement at intake) gives
            // the citizen the command's secret: the trail keeps its hash, which the lookup then checks. A citizen
            // who submitted online keeps the secret they were given then.
            var hash = form == ReceiptForm && Secret.Length > 0 && State.Channel != CaseChannel.Online
                ? LookupSecret.Hash(State.Id.Value, Secret)
                : null;
            Emit(hash is not null && hash != State.SecretHash ? issued with { SecretHash = hash } : issued);
        }
    }

    /// <summary>
    /// Leaves a wait step: the clock resumes (appointment moves by the paused working time) or restarts.
    /// </summary>
    public void LeaveWait(StepDefinition step, EventActor actor)
    {
        if (State.Appointment is null)
        {
            return;
        }

        if (step.Clock == ClockBehaviour.Pause && State.PausedSince is { } since)
        {
            var paused = Context.Calendar.WorkingTimeBetween(since, Now);
            var moved = Context.Calendar.AddWorkingHours(State.Appointment.Value, (decimal)paused.TotalHours);
            Emit(new ClockResumed(Now, actor, paused, paused == TimeSpan.Zero ? State.Appointment.Value : moved));
        }
        else if (step.Clock == ClockBehaviour.Restart)
        {
            Emit(new ClockRestarted(Now, actor, ComputeAppointment(Now)));
        }
    }

    public DateTimeOffset ComputeAppointment(DateTimeOffset start)
    {
        var extra = Procedure.DeadlineAdjustments
            .Where(a => Holds(a.When, null, null, $"Deadline adjustment '{a.Id}'"))
            .Sum(a => a.Add.ToHours(Context.Calendar.HoursPerDay));
        return Deadlines.Appointment(Procedure, Context.Calendar, start, extra);
    }

    /// <summary>Evaluates a condition on the case; a rule that fails refuses the command, naming its owner.</summary>
    public bool Holds(RuleExpression rule, TaskState? task, ImmutableDictionary<string, string>? input, string owner)
    {
        // Several rules are often judged against the same case in a row (deadline adjustments, guards): build the
        // model once for them. Rules are expressions, so none can change it for the next.
        if (_ruleModel is not { } cached || !ReferenceEquals(cached.State, State)
            || !ReferenceEquals(cached.Task, task) || !ReferenceEquals(cached.Input, input))
        {
            _ruleModel = cached = (State, task, input, RuleModel.For(Context, State, task, input));
        }

        var result = RuleEvaluator.EvaluateCondition(rule, cached.Model);
        return result.Failed
            ? throw new RejectedException(Rejection.Of(RejectionCodes.RuleFailed)
                .With("owner", owner).With("error", result.Error ?? ""))
            : result.Value is true;
    }

    public void Reassign(TaskState task, string to, string reason, EventActor actor) =>
        Emit(new TaskReassigned(Now, actor, task.Id, task.Unit, to, reason));

    private void Activate(StepDefinition step, StepId? branch, EventActor actor)
    {
        var unit = UnitRouting.ResolveUnit(Context, State, step);
        var due = step.Budget is { } budget ? Deadlines.Add(Context.Calendar, Now, budget) : (DateTimeOffset?)null;
        var taskId = NextTaskId();
        Emit(new TaskActivated(Now, actor, taskId, step.Id, unit, step.Role, due, branch));
        if (step.Kind == StepKind.Wait && step.Clock == ClockBehaviour.Pause && State.Appointment is not null)
        {
            Emit(new ClockPaused(Now, actor, step.Id));
        }

        foreach (var escalation in step.Escalations.Where(e => e.Trigger == EscalationTrigger.Jurisdiction))
        {
            var task = State.Tasks.Find(t => t.Id == taskId)!;
            if (Holds(escalation.When!, task, null, $"Escalation '{escalation.Id}' of step '{step.Id}'"))
            {
                var to = UnitRouting.ResolveTarget(Context.Units, task.Unit, escalation.ReassignTo!);
                Emit(new EscalationFired(Now, System(State), $"{taskId}/{escalation.Id}", escalation.Id, step.Id,
                    escalation.Notify, to));
                Reassign(task, to, $"escalation {escalation.Id}", System(State));
                Issue(escalation.Documents, step.Id, System(State));
            }
        }
    }

    private void ArriveAtJoin(StepDefinition join, StepId? branch, EventActor actor)
    {
        var parallel = Procedure.Steps.First(s => s.Kind == StepKind.Parallel && s.Join == join.Id);
        if (branch is { } b)
        {
            Emit(new BranchJoined(Now, actor, join.Id, b));
        }

        var arrived = State.JoinArrivals.GetValueOrDefault(join.Id) ?? [];
        if (parallel.Branches.All(arrived.Contains))
        {
            Enter(join.Next!.Value, null, actor);
        }
    }
}
