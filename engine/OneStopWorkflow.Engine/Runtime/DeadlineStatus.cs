namespace OneStopWorkflow.Engine.Runtime;

public enum DeadlineStatus
{
    OnTime,
    DueSoon,
    Overdue,
    Paused,
}

/// <summary>How a finished case kept its original appointment.</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
}
