namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Where a case stands: open, paused (its clock stopped while it waits) or finished.</summary>
public enum CaseStatus
{
    Open,
    Paused,
    Finished,
}
