namespace OneStopWorkflow.Engine.Rules;

/// <summary>The value a rule computed, or why it could not compute one.</summary>
public readonly record struct RuleResult(object? Value, string? Error)
{
    public bool Failed => Error is not null;

    public static RuleResult Of(object? value) => new(value, null);

    public static RuleResult Fail(string error) => new(null, error);
}
