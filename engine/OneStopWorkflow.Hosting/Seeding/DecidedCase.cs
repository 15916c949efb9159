using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Seeding;

/// <summary>
/// A whole case decided by the engine outside the store: its state, the trail that led there and when its next
/// time-driven work is due, and the procedure version it follows; ready for <see cref="BulkLoader"/>.
/// </summary>
public sealed record DecidedCase(
    CaseState State, IReadOnlyList<CaseEvent> Trail, DateTimeOffset? NextDueAt, ProcedureDefinition Procedure);
