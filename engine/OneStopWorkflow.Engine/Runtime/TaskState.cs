using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>A step activated for a case: who owns it, when it is due, how it ended.</summary>
public sealed record TaskState
{
    public required string Id { get; init; }
    public required StepId Step { get; init; }
    public required string Unit { get; init; }
    public string? Role { get; init; }
    public required DateTimeOffset ActivatedAt { get; init; }
    public DateTimeOffset? Due { get; init; }
    public StepId? Branch { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Action { get; init; }
    public bool Cancelled { get; init; }
    public ImmutableArray<string> UnitHistory { get; init; } = [];

    /// <summary>Who activated the task, handing the case over to it: the giver a hand-over slip prints.</summary>
    public EventActor? ActivatedBy { get; init; }

    /// <summary>Who completed the task (took the case and did the step); null while open or when cancelled.</summary>
    public EventActor? CompletedBy { get; init; }

    public bool IsOpen => CompletedAt is null && !Cancelled;

    public TaskStatus Status => IsOpen ? TaskStatus.Open : Cancelled ? TaskStatus.Cancelled : TaskStatus.Completed;
}
