using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>One stage of a procedure. Which members apply depends on <see cref="Kind"/>.</summary>
public sealed record StepDefinition
{
    public required StepId Id { get; init; }
    public required StepKind Kind { get; init; }
    public required LocalizedText Title { get; init; }

    /// <summary>Task and wait steps: who works it.</summary>
    public string? Role { get; init; }

    public UnitAssignment Unit { get; init; } = UnitAssignment.Receiving;

    /// <summary>The step's own share of the statutory time; its task is due this long after it activates.</summary>
    public WorkingDuration? Budget { get; init; }

    public ImmutableArray<ActionDefinition> Actions { get; init; } = [];

    public ClockBehaviour Clock { get; init; } = ClockBehaviour.Run;
    public WaitParty? Awaits { get; init; }

    /// <summary>Wait steps: where the case goes when the applicant resubmits.</summary>
    public StepId? ResubmitTo { get; init; }

    /// <summary>Auto and join steps: the step that follows.</summary>
    public StepId? Next { get; init; }

    public ImmutableArray<StepId> Branches { get; init; } = [];

    /// <summary>Parallel steps: the join where the branches meet.</summary>
    public StepId? Join { get; init; }

    public Outcome? Outcome { get; init; }
    public ImmutableArray<string> Documents { get; init; } = [];
    public ImmutableArray<EscalationDefinition> Escalations { get; init; } = [];
    public SourceLocation Location { get; init; }

    public ActionDefinition? FindAction(string id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>Every step this one can lead to.</summary>
    public IEnumerable<StepId> Targets()
    {
        foreach (var action in Actions)
        {
            yield return action.To;
        }

        foreach (var branch in Branches)
        {
            yield return branch;
        }

        if (Next is { } next)
        {
            yield return next;
        }

        if (ResubmitTo is { } resubmit)
        {
            yield return resubmit;
        }
    }
}
