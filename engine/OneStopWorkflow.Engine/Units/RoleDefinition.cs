using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Units;

/// <summary>
/// A role people hold at a unit (clerk, leader, land-officer…); steps name the role that works them.
/// </summary>
public sealed record RoleDefinition(string Code, LocalizedText Title);
