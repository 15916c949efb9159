using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>An action an actor may take now on a task of a case, with the input it needs.</summary>
public sealed record AvailableAction(
    string Task, StepId Step, string Action, LocalizedText Title, ImmutableArray<FieldDefinition> Input)
{
    /// <summary>What the action does to the case, so a screen can ask before a step that cannot be undone.</summary>
    public ActionKind Kind { get; init; } = ActionKind.Forward;
}

/// <summary>What taking an action does to a case, judged from where it leads.</summary>
public enum ActionKind
{
    /// <summary>The case moves on (or waits for someone).</summary>
    Forward,

    /// <summary>The case goes back to an earlier step that leads here again (send back for rework).</summary>
    SendBack,

    /// <summary>The case ends without a result for the applicant (refusal).</summary>
    Ends,

    /// <summary>The applicant brought what was asked for.</summary>
    Resubmit,
}

/// <summary>
/// What an actor may do to a case besides the steps' own actions: hand a task up to the province, promise a new
/// appointment (the apology), or record the applicant's withdrawal.
/// </summary>
public sealed record CaseOffers(ImmutableArray<string> HandUp, bool Reschedule, bool Withdraw)
{
    public static readonly CaseOffers None = new([], false, false);
}
