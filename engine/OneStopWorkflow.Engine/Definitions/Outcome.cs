namespace OneStopWorkflow.Engine.Definitions;

public enum Outcome
{
    Resolved,
    Refused,
    Withdrawn,
}
