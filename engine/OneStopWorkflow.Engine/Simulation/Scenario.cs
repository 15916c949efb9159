using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>A parsed scenario: its timed commands (the receipt first) and the instant its report is taken at.</summary>
public sealed record Scenario(ImmutableArray<ScenarioStep> Steps, DateTimeOffset Until);

/// <summary>A command of a scenario and the instant it is issued.</summary>
public sealed record ScenarioStep(DateTimeOffset At, CaseCommand Command);

/// <summary>A command of a scenario that was refused, with the reasons.</summary>
public sealed record ScenarioRejection(DateTimeOffset At, string Command, ImmutableArray<Rejection> Reasons);
