using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// A component of the procedure on a case: what the procedure asks for (<see cref="Form"/> × <see cref="Quantity"/>),
/// what has been handed in of it, and whether a required one is still missing.
/// </summary>
public sealed record ComponentLine(
    string Component, LocalizedText Name, bool Required, string Form, int Quantity,
    ImmutableArray<ReceivedComponent> Received, bool Missing);
