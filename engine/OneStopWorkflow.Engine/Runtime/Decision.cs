using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// What the engine decided: the events to append and the resulting state, or the reasons for refusal.
/// </summary>
public sealed record Decision(ImmutableArray<CaseEvent> Events, CaseState? State, ImmutableArray<Rejection> Rejections)
{
    public bool IsRejected => !Rejections.IsEmpty;

    public static Decision Accepted(ImmutableArray<CaseEvent> events, CaseState state) => new(events, state, []);

    public static Decision Rejected(params Rejection[] reasons) => new([], null, [.. reasons]);
}
