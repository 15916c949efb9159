using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>One entry of a case's trail. Every event names who acted, in which role, at which unit, and when.</summary>
public abstract record CaseEvent(DateTimeOffset At, EventActor Actor)
{
    public abstract string Type { get; }
}

public sealed record CaseReceived(
    DateTimeOffset At, EventActor Actor, CaseId Id, ProcedureCode Procedure, int Version, string ProcedureHash,
    string DossierCode, string? SecretHash, string Unit, string Channel, ImmutableDictionary<string, string> Fields)
    : CaseEvent(At, Actor)
{
    // SecretHash is the lookup secret's hash (see LookupSecret); trails written before it was hashed carry a
    // "secret" property instead, which is read by no one (the hash chain still covers it, so it stays stored).

    /// <summary>
    /// The tracking-book entry printed on the receipt. Omitted from the payload when null, so trails written before
    /// books were kept read (and hash) exactly as they were stored.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TrackingBookEntry? Book { get; init; }

    /// <summary>
    /// Where the citizen collects the result, chosen when submitting online (see <see cref="ResultDelivery"/>); null
    /// at the counter, and then omitted from the payload.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Delivery { get; init; }

    public override string Type => "case-received";
}

/// <summary>
/// Papers the applicant handed in: at receipt (an empty list when nothing was handed in) and with each supplement.
/// </summary>
public sealed record ComponentsHandedIn(
    DateTimeOffset At, EventActor Actor, ImmutableArray<ReceivedComponent> Components) : CaseEvent(At, Actor)
{
    public override string Type => "components-handed-in";
}

/// <summary>Case fields the applicant gave or corrected with a supplement; they replace the values before.</summary>
public sealed record FieldsSupplemented(
    DateTimeOffset At, EventActor Actor, ImmutableDictionary<string, string> Fields) : CaseEvent(At, Actor)
{
    public override string Type => "fields-supplemented";
}

public sealed record ClockStarted(DateTimeOffset At, EventActor Actor, DateTimeOffset Appointment)
    : CaseEvent(At, Actor)
{
    /// <summary>
    /// The instant the time counts from when it is not <see cref="CaseEvent.At"/>: an online dossier submitted after
    /// hours counts from the next working day's opening. Null otherwise, and then omitted from the payload.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CountsFrom { get; init; }

    public override string Type => "clock-started";
}

public sealed record ClockPaused(DateTimeOffset At, EventActor Actor, StepId Step) : CaseEvent(At, Actor)
{
    public override string Type => "clock-paused";
}

public sealed record ClockResumed(
    DateTimeOffset At, EventActor Actor, TimeSpan PausedWorkingTime, DateTimeOffset Appointment)
    : CaseEvent(At, Actor)
{
    public override string Type => "clock-resumed";
}

public sealed record ClockRestarted(DateTimeOffset At, EventActor Actor, DateTimeOffset Appointment)
    : CaseEvent(At, Actor)
{
    public override string Type => "clock-restarted";
}

public sealed record TaskActivated(
    DateTimeOffset At, EventActor Actor, string Task, StepId Step, string Unit, string? Role, DateTimeOffset? Due,
    StepId? Branch) : CaseEvent(At, Actor)
{
    public override string Type => "task-activated";
}

public sealed record TaskCompleted(
    DateTimeOffset At, EventActor Actor, string Task, string Action, ImmutableDictionary<string, string> Input)
    : CaseEvent(At, Actor)
{
    public override string Type => "task-completed";
}

public sealed record TaskCancelled(DateTimeOffset At, EventActor Actor, string Task) : CaseEvent(At, Actor)
{
    public override string Type => "task-cancelled";
}

public sealed record TaskReassigned(
    DateTimeOffset At, EventActor Actor, string Task, string From, string To, string Reason)
    : CaseEvent(At, Actor)
{
    public override string Type => "task-reassigned";
}

public sealed record BranchJoined(DateTimeOffset At, EventActor Actor, StepId Join, StepId Branch)
    : CaseEvent(At, Actor)
{
    public override string Type => "branch-joined";
}

public sealed record EscalationFired(
    DateTimeOffset At, EventActor Actor, string Key, string Rule, StepId? Step, string? Notify, string? To)
    : CaseEvent(At, Actor)
{
    public override string Type => "escalation-fired";
}

public sealed record DocumentIssued(DateTimeOffset At, EventActor Actor, string Document, string? Form, StepId? Step)
    : CaseEvent(At, Actor)
{
    /// <summary>
    /// The hash of the lookup secret a receipt issued after the case was received prints (the one drawn at receipt
    /// was never given to the citizen); null otherwise, and then omitted so other payloads read as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SecretHash { get; init; }

    public override string Type => "document-issued";
}

public sealed record CaseRescheduled(
    DateTimeOffset At, EventActor Actor, DateTimeOffset PromisedAppointment, string Reason)
    : CaseEvent(At, Actor)
{
    public override string Type => "case-rescheduled";
}

public sealed record CaseFinished(DateTimeOffset At, EventActor Actor, Outcome Outcome, string? Reason)
    : CaseEvent(At, Actor)
{
    public override string Type => "case-finished";
}

/// <summary>
/// The case's result filed as an electronic document (a PDF the citizen downloads from the lookup page): the store
/// keeps the file under <paramref name="File"/>, the trail its length and SHA-256 (hex, lower case).
/// </summary>
public sealed record EResultIssued(
    DateTimeOffset At, EventActor Actor, string Document, string File, long Length, string Sha256)
    : CaseEvent(At, Actor)
{
    public override string Type => "e-result-issued";
}
