using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// One entry of a case's trail as an auditor reads it. <see cref="Payload"/> leaves out the lookup secret's fields
/// (see <see cref="TrailPayload"/>); the stored payload, which the hash covers, is checked by trail verification.
/// </summary>
public sealed record TrailEntry(
    int Sequence, string Type, DateTimeOffset At, string User, string Role, string Unit, string Payload, string Hash)
{
    /// <summary>The person's full name as recorded with the event; null on older entries, which kept none.</summary>
    public string? Name { get; init; }

    /// <summary>The person's position at the unit as recorded with the event.</summary>
    public string? Position { get; init; }

    /// <summary>The unit's name in Vietnamese.</summary>
    public string? UnitName { get; init; }

    /// <summary>The step the event concerns, as the procedure names it.</summary>
    public LocalizedText? StepTitle { get; init; }

    /// <summary>
    /// What the event did, in words: the action taken, the document issued, the unit a task went to, the outcome.
    /// </summary>
    public LocalizedText? Detail { get; init; }
}
