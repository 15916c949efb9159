namespace OneStopWorkflow.Engine.Calendar;

/// <summary>A dated exception to the weekly pattern: a public holiday or a make-up working day.</summary>
public sealed record CalendarDay(DateOnly Date, string Name);
