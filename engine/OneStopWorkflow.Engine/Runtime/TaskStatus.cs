namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Where a task stands: open, completed by an action, or cancelled (a branch that a join made moot).</summary>
public enum TaskStatus
{
    Open,
    Completed,
    Cancelled,
}
