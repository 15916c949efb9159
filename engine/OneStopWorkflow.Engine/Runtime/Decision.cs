using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Why a command was refused, in words an officer can act on.</summary>
public sealed record Rejection(string Code, string Message);

/// <summary>What the engine decided: the events to append and the resulting state, or the reasons for refusal.</summary>
public sealed record Decision(ImmutableArray<CaseEvent> Events, CaseState? State, ImmutableArray<Rejection> Rejections)
{
    public bool IsRejected => !Rejections.IsEmpty;

    public static Decision Accepted(ImmutableArray<CaseEvent> events, CaseState state) => new(events, state, []);

    public static Decision Rejected(params Rejection[] reasons) => new([], null, [.. reasons]);
}
