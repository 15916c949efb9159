using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>An action an actor may take now on a task of a case, with the input it needs.</summary>
public sealed record AvailableAction(
    string Task, StepId Step, string Action, LocalizedText Title, ImmutableArray<FieldDefinition> Input);
