using OneStopWorkflow.Engine.Diagnostics;
using Scriban;

namespace OneStopWorkflow.Engine.Rules;

/// <summary>
/// A Scriban expression written by policy staff (a guard, a routing or an escalation condition), parsed and
/// checked once when its version loads. Evaluate it with <see cref="RuleEvaluator"/>.
/// </summary>
public sealed class RuleExpression
{
    internal RuleExpression(string source, SourceLocation location, Template compiled)
    {
        Source = source;
        Location = location;
        Compiled = compiled;
        ReadsInput = source.Contains("input.", StringComparison.Ordinal);
    }

    public string Source { get; }

    public SourceLocation Location { get; }

    internal Template Compiled { get; }

    /// <summary>
    /// Whether the rule reads the input of the action it guards (<c>input.…</c>), so it can only be judged once that
    /// input is typed.
    /// </summary>
    internal bool ReadsInput { get; }

    public override string ToString() => Source;
}
