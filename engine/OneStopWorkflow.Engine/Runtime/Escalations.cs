using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Time-driven escalations. Each fires at most once per (case, task activation, rule): the key is kept in the
/// case state, so ticking twice, or days late, changes nothing more.
/// </summary>
internal static class Escalations
{
    public static void Tick(DecisionScope scope)
    {
        if (scope.State.IsFinished)
        {
            return;
        }

        foreach (var task in scope.State.OpenTasks.ToList())
        {
            var step = scope.Procedure.Step(task.Step);
            foreach (var escalation in step.Escalations.Where(e => e.Trigger != EscalationTrigger.Jurisdiction))
            {
                var key = $"{task.Id}/{escalation.Id}";
                var current = scope.State.Tasks.Find(t => t.Id == task.Id)!;
                if (current.IsOpen && current.Due is { } due && IsDue(scope, escalation, due)
                    && !scope.State.FiredEscalations.Contains(key) && Holds(scope, escalation, current))
                {
                    Fire(scope, escalation, key, current);
                }
            }
        }

        if (scope.State.Appointment is not { } appointment || scope.State.PausedSince is not null)
        {
            return;
        }

        foreach (var escalation in scope.Procedure.Escalations.Where(e => e.Trigger != EscalationTrigger.Jurisdiction))
        {
            var key = $"case/{escalation.Id}";
            var task = scope.State.OpenTasks.FirstOrDefault();
            if (IsDue(scope, escalation, appointment) && !scope.State.FiredEscalations.Contains(key)
                && Holds(scope, escalation, task))
            {
                Fire(scope, escalation, key, task);
            }
        }
    }

    /// <summary>
    /// The earliest instant at which a tick could fire an escalation not yet fired; triggers at or before
    /// <paramref name="evaluatedUntil"/> were already judged by a tick and are skipped. Null when nothing is pending.
    /// </summary>
    public static DateTimeOffset? NextDue(DecisionContext context, CaseState state, DateTimeOffset? evaluatedUntil)
    {
        if (state.IsFinished)
        {
            return null;
        }

        var candidates = new List<DateTimeOffset>();
        foreach (var task in state.OpenTasks.Where(t => t.Due is not null))
        {
            var step = context.Procedure.Step(task.Step);
            candidates.AddRange(step.Escalations
                .Where(e => e.Trigger != EscalationTrigger.Jurisdiction
                    && !state.FiredEscalations.Contains($"{task.Id}/{e.Id}"))
                .Select(e => TriggerAt(context, e, task.ActivatedAt, task.Due!.Value)));
        }

        if (state.Appointment is { } appointment && state.PausedSince is null)
        {
            candidates.AddRange(context.Procedure.Escalations
                .Where(e => e.Trigger != EscalationTrigger.Jurisdiction
                    && !state.FiredEscalations.Contains($"case/{e.Id}"))
                .Select(e => TriggerAt(context, e, state.ReceivedAt, appointment)));
        }

        var pending = candidates.Where(c => evaluatedUntil is not { } until || c > until).ToList();
        return pending.Count == 0 ? null : pending.Min();
    }

    /// <summary>The first instant at which <see cref="IsDue"/> holds for a deadline <paramref name="due"/>.</summary>
    private static DateTimeOffset TriggerAt(
        DecisionContext context, EscalationDefinition escalation, DateTimeOffset from, DateTimeOffset due)
    {
        try
        {
            return WorkingTriggerAt(context, escalation, from, due);
        }
        catch (CalendarYearMissingException)
        {
            // The calendar lacks the year: tick at the due instant, where the tick reports the missing year.
            return due;
        }
    }

    private static DateTimeOffset WorkingTriggerAt(
        DecisionContext context, EscalationDefinition escalation, DateTimeOffset from, DateTimeOffset due)
    {
        var calendar = context.Calendar;
        if (escalation.Trigger == EscalationTrigger.Overdue)
        {
            var after = Deadlines.Add(calendar, due, escalation.After);
            return after > due ? after : due.AddSeconds(1);
        }

        // Working time left shrinks as time goes on, so the first due-soon instant is found by bisection, to the
        // second.
        var dueSoon = LeadOf(context, escalation);
        bool DueSoon(DateTimeOffset now) => Deadlines.StatusOf(calendar, due, now, dueSoon) != DeadlineStatus.OnTime;
        var low = from < due ? from : due;
        if (DueSoon(low))
        {
            return low;
        }

        var high = due.AddSeconds(1);
        while ((high - low).TotalSeconds > 1)
        {
            var middle = low + ((high - low) / 2);
            if (DueSoon(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    private static bool IsDue(DecisionScope scope, EscalationDefinition escalation, DateTimeOffset due)
    {
        var calendar = scope.Context.Calendar;
        return escalation.Trigger == EscalationTrigger.Overdue
            ? scope.Now > due && scope.Now >= Deadlines.Add(calendar, due, escalation.After)
            : Deadlines.StatusOf(calendar, due, scope.Now, LeadOf(scope.Context, escalation)) != DeadlineStatus.OnTime;
    }

    /// <summary>
    /// How long before a deadline a due-soon escalation fires: the procedure's due-soon time, and for one that
    /// apologises and reschedules at least one working day, since the apology must reach the applicant no later
    /// than a day before the appointment (Decree 61 art. 19(9)).
    /// </summary>
    private static WorkingDuration LeadOf(DecisionContext context, EscalationDefinition escalation)
    {
        var dueSoon = context.Procedure.DueSoon;
        var hoursPerDay = context.Calendar.HoursPerDay;
        return escalation.Reschedule is not null && dueSoon.ToHours(hoursPerDay) < hoursPerDay
            ? WorkingDuration.Days(1)
            : dueSoon;
    }

    private static bool Holds(DecisionScope scope, EscalationDefinition escalation, TaskState? task) =>
        escalation.When is null || scope.Holds(escalation.When, task, null, $"Escalation '{escalation.Id}'");

    private static void Fire(DecisionScope scope, EscalationDefinition escalation, string key, TaskState? task)
    {
        var system = DecisionScope.System(scope.State);
        var target = escalation.ReassignTo is { } to && task is not null
            ? UnitRouting.ResolveTarget(scope.Context.Units, task.Unit, to)
            : null;
        scope.Emit(new EscalationFired(scope.Now, system, key, escalation.Id, task?.Step, escalation.Notify, target));
        if (target is not null)
        {
            scope.Reassign(task!, target, $"escalation {escalation.Id}", system);
        }

        if (escalation.Reschedule is { } extension && scope.State.PromisedAppointment is null
            && scope.State.Appointment is { } appointment)
        {
            // The new date counts from the appointment, or from now when the tick comes after it, so an apology
            // never promises a day that has already passed.
            var from = appointment > scope.Now ? appointment : scope.Now;
            var promised = Deadlines.Add(scope.Context.Calendar, from, extension);
            scope.Emit(new CaseRescheduled(scope.Now, system, promised, $"escalation {escalation.Id}"));
        }

        scope.Issue(escalation.Documents, task?.Step, system);
    }
}
