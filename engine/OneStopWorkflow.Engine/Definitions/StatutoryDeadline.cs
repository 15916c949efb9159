namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// The time the law gives to resolve a case: a working duration, or "the same working day" (civil-status
/// procedures). Received after the procedure's cut-off, a same-day case is due at the close of the next
/// working day.
/// </summary>
public sealed record StatutoryDeadline(WorkingDuration Duration, bool SameDay)
{
    public static StatutoryDeadline Of(WorkingDuration duration) => new(duration, false);

    public static readonly StatutoryDeadline SameWorkingDay = new(WorkingDuration.Zero, true);

    public override string ToString() => SameDay ? "same working day" : Duration.ToString();
}
