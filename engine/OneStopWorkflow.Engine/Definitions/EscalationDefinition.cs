using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Rules;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// What happens when time runs short or competence is exceeded: notify a role, move the task to the parent
/// or a named unit, issue documents, propose a new date. Fires once per (case, task activation, rule).
/// </summary>
public sealed record EscalationDefinition
{
    public required string Id { get; init; }
    public required EscalationTrigger Trigger { get; init; }

    /// <summary>For time triggers: how long past the trigger point it fires (zero: at once).</summary>
    public WorkingDuration After { get; init; } = WorkingDuration.Zero;

    public RuleExpression? When { get; init; }
    public string? Notify { get; init; }

    /// <summary><c>parent</c> or a unit code.</summary>
    public string? ReassignTo { get; init; }

    public ImmutableArray<string> Documents { get; init; } = [];

    /// <summary>Proposes a new promised date this much after the appointment (the apology, Mẫu 04).</summary>
    public WorkingDuration? Reschedule { get; init; }

    public SourceLocation Location { get; init; }
}
