using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// One decision to save: the case as last read (<see cref="Before"/>, null for a new case), the state and events the
/// engine decided, the next tick, the rendered documents, who acted, and the calendar the engine counts working time
/// on (the store copies the facts the engine computes with it and derives none).
/// </summary>
public sealed record CaseSave(
    StoredCase? Before, CaseState After, IReadOnlyList<CaseEvent> Events, DateTimeOffset? NextDueAt,
    IReadOnlyList<RenderedDocument> Documents, string ActedBy, WorkingCalendar Calendar)
{
    /// <summary>The mails the events cause, written to the outbox in the same transaction as the events.</summary>
    public IReadOnlyList<Engine.Mail.RenderedMail> Mails { get; init; } = [];

    /// <summary>The procedure version the case is pinned to, for the facts the engine computes from it.</summary>
    public required ProcedureDefinition Procedure { get; init; }
}
