namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>One problem in authored content, with a stable <c>OSWnnnn</c> code and an actionable message.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>
    /// The one-line form printed by <c>onestop validate</c>: <c>path(line,col): error CODE: message</c>.
    /// </summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
