using System.Collections.Immutable;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// What a scenario run left: the case (none when the receipt was refused), every event in order, the refused
/// commands, and the context at the instant the run is reported (the scenario's <c>until</c>).
/// </summary>
public sealed record ScenarioOutcome(
    DecisionContext Context, CaseState? State, ImmutableArray<CaseEvent> Events,
    ImmutableArray<ScenarioRejection> Rejections)
{
    /// <summary>
    /// How a step kept its due time: "on-time" or "late" once done; while open "on-time", "due-soon" or "overdue"
    /// at the report's instant; null for a step with no due time (a wait).
    /// </summary>
    public string? StatusOf(TaskState task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Due is not { } due)
        {
            return null;
        }

        if (task.CompletedAt is { } completed)
        {
            return completed > due ? "late" : "on-time";
        }

        return Names.Kebab(
            Deadlines.StatusOf(Context.Calendar, due, Context.Now, Context.Procedure.DueSoon).ToString());
    }

    /// <summary>"open", "paused" or "finished"; null when there is no case.</summary>
    public string? CaseStatus => State is not { } state ? null
        : state.IsFinished ? "finished" : state.PausedSince is not null ? "paused" : "open";

    /// <summary>How the finished case kept its appointment ("early", "on-time", "late"), or null.</summary>
    public string? Timeliness => State is { } state && Deadlines.TimelinessOf(state, Context.Calendar) is { } t
        ? Names.Kebab(t.ToString())
        : null;
}
