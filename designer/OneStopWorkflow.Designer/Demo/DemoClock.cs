namespace OneStopWorkflow.Designer.Demo;

/// <summary>
/// Development only: the system clock, except while the demo data replays the sample scenarios at their own dates,
/// so a fresh clone shows a history with early, late and overdue cases.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    public DateTimeOffset? Fixed { get; set; }

    public override DateTimeOffset GetUtcNow() => Fixed?.ToUniversalTime() ?? System.GetUtcNow();
}
