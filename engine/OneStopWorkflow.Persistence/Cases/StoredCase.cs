using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// A case read from the store: its state replayed from the trail, the trail, and the snapshot row it was read with.
/// </summary>
public sealed record StoredCase(CaseState State, ImmutableArray<CaseEvent> Events, CaseRow Row);
