using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Appointment, due instants and deadline status, all in working time on the case's calendar.</summary>
public static class Deadlines
{
    /// <summary>
    /// The appointment for a complete dossier accepted at <paramref name="start"/>: the statutory deadline plus
    /// any adjustment, counted from the next working day when received after the procedure's cut-off.
    /// </summary>
    public static DateTimeOffset Appointment(
        ProcedureDefinition procedure, WorkingCalendar calendar, DateTimeOffset start, decimal extraHours)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(calendar);
        var from = calendar.NextOpening(start);
        if (procedure.CutOff is { } cutOff && TimeOnly.FromDateTime(from.DateTime) >= cutOff)
        {
            from = calendar.OpeningOfNextWorkingDay(from);
        }

        if (procedure.StatutoryDeadline.SameDay)
        {
            var close = calendar.CloseOfWorkingDay(from);
            return extraHours > 0 ? calendar.AddWorkingHours(close, extraHours) : close;
        }

        var duration = procedure.StatutoryDeadline.Duration;
        var due = duration.Unit == DurationUnit.WorkingDays
            ? calendar.AddWorkingDays(from, duration.Amount)
            : calendar.AddWorkingHours(from, duration.Amount);
        return extraHours > 0 ? calendar.AddWorkingHours(due, extraHours) : due;
    }

    public static DateTimeOffset Add(WorkingCalendar calendar, DateTimeOffset from, WorkingDuration duration)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return duration.Unit == DurationUnit.WorkingDays
            ? calendar.AddWorkingDays(from, duration.Amount)
            : calendar.AddWorkingHours(from, duration.Amount);
    }

    /// <summary>
    /// On time, due soon (within <paramref name="dueSoon"/> working time of the due instant) or overdue.
    /// </summary>
    public static DeadlineStatus StatusOf(
        WorkingCalendar calendar, DateTimeOffset due, DateTimeOffset now, WorkingDuration dueSoon)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (now > due)
        {
            return DeadlineStatus.Overdue;
        }

        var left = (decimal)calendar.WorkingTimeBetween(now, due).TotalHours;
        return left <= dueSoon.ToHours(calendar.HoursPerDay) ? DeadlineStatus.DueSoon : DeadlineStatus.OnTime;
    }

    /// <summary>The case's deadline status now; a paused case is <see cref="DeadlineStatus.Paused"/>.</summary>
    public static DeadlineStatus? StatusOf(
        CaseState state, ProcedureDefinition procedure, WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(procedure);
        if (state.IsFinished || state.Appointment is not { } appointment)
        {
            return null;
        }

        return state.PausedSince is not null
            ? DeadlineStatus.Paused
            : StatusOf(calendar, appointment, now, procedure.DueSoon);
    }

    /// <summary>Early (before the appointment's day), on time, or late, against the original appointment.</summary>
    public static Timeliness? TimelinessOf(CaseState state, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        if (state.FinishedAt is not { } finished || state.Appointment is not { } appointment)
        {
            return null;
        }

        if (finished > appointment)
        {
            return Timeliness.Late;
        }

        return DateOnly.FromDateTime(calendar.ToLocal(finished).DateTime)
            < DateOnly.FromDateTime(calendar.ToLocal(appointment).DateTime)
            ? Timeliness.Early
            : Timeliness.OnTime;
    }

    /// <summary>
    /// The working hours a completed task took on <paramref name="calendar"/>, for "where time is lost"; null for an
    /// open or cancelled task, or when the calendar lacks a year the task spans (nothing is guessed).
    /// </summary>
    public static double? WorkingHoursOf(TaskState task, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(calendar);
        if (task.Status != TaskStatus.Completed)
        {
            return null;
        }

        try
        {
            return calendar.WorkingTimeBetween(task.ActivatedAt, task.CompletedAt!.Value).TotalHours;
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    /// <summary>Whether an open case is past its appointment now: the case is neither finished nor paused.</summary>
    public static bool IsOverdue(CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status == CaseStatus.Open && state.Appointment is { } due && due < now;
    }
}
