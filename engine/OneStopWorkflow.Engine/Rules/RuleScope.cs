using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Rules;

/// <summary>
/// The names a rule may use: the case fields of its version and, for an action guard, the action's inputs.
/// Anything else is reported when the version loads, not discovered at a counter.
/// </summary>
public sealed record RuleScope(ImmutableHashSet<string> CaseFields, ImmutableHashSet<string> Inputs)
{
    internal static readonly ImmutableHashSet<string> CaseMembers =
        ["fields", "unit", "received_at", "channel", "dossier_code", "procedure", "appointment"];

    internal static readonly ImmutableHashSet<string> UnitMembers = ["code", "level", "parent", "name", "remote"];

    internal static readonly ImmutableHashSet<string> TaskMembers = ["step", "unit", "role", "activated_at", "due"];

    /// <summary>Scriban's own function libraries; they compute and format, and reach nothing outside.</summary>
    internal static readonly ImmutableHashSet<string> Builtins =
        ["array", "date", "html", "math", "object", "regex", "string", "timespan", "empty", "blank"];

    internal static readonly ImmutableHashSet<string> Roots = ["case", "task", "now", "input"];
}
