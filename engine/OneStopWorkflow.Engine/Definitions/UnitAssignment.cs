using OneStopWorkflow.Engine.Rules;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>How a step's unit is chosen when its task activates.</summary>
public enum UnitAssignmentKind
{
    /// <summary>The unit that received the dossier (where the citizen came and will collect the result).</summary>
    Receiving,

    /// <summary>A named unit of the jurisdiction tree.</summary>
    Fixed,

    /// <summary>The unit that worked an earlier step of the same case (after any hand-up).</summary>
    SameAsStep,

    /// <summary>A rule that computes a unit code.</summary>
    Rule,
}

/// <summary>
/// Written in procedure files as <c>"receiving"</c>, a unit code such as <c>"HP.VPDKDD"</c>,
/// <c>"step:land-review"</c>, or <c>{ "rule": "…" }</c>.
/// </summary>
public sealed record UnitAssignment(UnitAssignmentKind Kind, string? Value = null, RuleExpression? Rule = null)
{
    public static readonly UnitAssignment Receiving = new(UnitAssignmentKind.Receiving);

    public override string ToString() => Kind switch
    {
        UnitAssignmentKind.Receiving => "receiving",
        UnitAssignmentKind.SameAsStep => $"step:{Value}",
        UnitAssignmentKind.Rule => $"rule:{Rule}",
        _ => Value ?? "",
    };
}
