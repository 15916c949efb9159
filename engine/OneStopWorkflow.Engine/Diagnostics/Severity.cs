namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>How bad a diagnostic is. Any <see cref="Error"/> refuses publication and import.</summary>
public enum Severity
{
    Warning,
    Error,
}
