using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// One line of a scenario run as the designer tells it, in the order things happened. The facts (due times, how a
/// step kept its due time, appointments) are the engine's; the page only puts them in words.
/// </summary>
public abstract record TrialEntry(DateTimeOffset At);

/// <summary>Who acted or holds a step: the person when the scenario names one, their role and unit.</summary>
public sealed record TrialActor(string User, string? Name, LocalizedText? Role, LocalizedText Unit);

/// <summary>
/// A step the case entered: who holds it, when it is due, when and how it was done, and its status
/// (<see cref="Engine.Simulation.ScenarioOutcome.StatusOf"/>).
/// </summary>
public sealed record TrialStep(DateTimeOffset At, string Step, LocalizedText Title, TrialActor Holder) : TrialEntry(At)
{
    public DateTimeOffset? Due { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public LocalizedText? Action { get; init; }
    public TrialActor? DoneBy { get; init; }
    public bool Cancelled { get; init; }
    public string? Status { get; init; }
}

/// <summary>
/// Something that befell the case as a whole: received, clock paused, resumed or restarted, an escalation, a new
/// promised date, the end. <see cref="Type"/> is the event's type (<c>clock-paused</c>, <c>escalation-fired</c>…).
/// </summary>
public sealed record TrialEvent(DateTimeOffset At, string Type, TrialActor Actor) : TrialEntry(At)
{
    public LocalizedText? Step { get; init; }

    /// <summary>The appointment the event set (a start, a restart, a resume or a promise).</summary>
    public DateTimeOffset? Appointment { get; init; }

    /// <summary>The unit an escalation or a reassignment sends the case to.</summary>
    public LocalizedText? ToUnit { get; init; }

    /// <summary>A reason, a rule's id or an outcome, as recorded.</summary>
    public string? Detail { get; init; }

    public double? PausedHours { get; init; }
}

/// <summary>A document the run issued, rendered as the case would print it.</summary>
public sealed record TrialDocument(DateTimeOffset At, string Document, LocalizedText Title, string Html)
    : TrialEntry(At)
{
    public string? Form { get; init; }
    public LocalizedText? Step { get; init; }
}

/// <summary>
/// A command of the scenario that the engine refused, with its reasons: <see cref="Kind"/> is the command's kind
/// (<c>receive</c>, <c>act</c>, <c>hand-up</c>…), <see cref="Action"/> the title of the action it took, if any.
/// </summary>
public sealed record TrialRefusal(DateTimeOffset At, string Kind, ImmutableArray<Rejection> Reasons)
    : TrialEntry(At)
{
    public LocalizedText? Action { get; init; }
}
