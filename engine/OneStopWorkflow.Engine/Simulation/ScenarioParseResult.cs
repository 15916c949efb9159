using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// The outcome of reading a scenario file: the scenario when there is no error, the diagnostics in any case
/// (the scenario counterpart of <see cref="Definitions.LoadResult"/>).
/// </summary>
public sealed record ScenarioParseResult(Scenario? Scenario, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
