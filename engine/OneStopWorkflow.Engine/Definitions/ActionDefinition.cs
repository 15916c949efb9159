using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Rules;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// Something an officer does on a task (accept, request-supplement, refuse, approve…): it leads to a step,
/// may be guarded by a rule, may require input and may issue documents.
/// </summary>
public sealed record ActionDefinition
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required StepId To { get; init; }
    public RuleExpression? Guard { get; init; }
    public LocalizedText? GuardDescription { get; init; }
    public ImmutableArray<FieldDefinition> Input { get; init; } = [];
    public ImmutableArray<string> Documents { get; init; } = [];

    /// <summary>The case clock and the appointment start when this action is taken (a complete dossier).</summary>
    public bool StartsClock { get; init; }

    public SourceLocation Location { get; init; }
}
