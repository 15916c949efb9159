using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Trail;

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

    /// <summary>
    /// The entry of the stored <paramref name="row"/>, whose event <paramref name="read"/> names the person, in the
    /// words of the case's <paramref name="version"/> (<paramref name="state"/> tells which step a task was).
    /// </summary>
    public static TrailEntry Of(EventRow row, CaseEvent read, CaseState state, LoadedVersion version)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(version);
        var (step, detail) = TrailWords.Of(read, state, version);
        return new TrailEntry(
            row.Sequence, row.Type, version.Calendar.ToLocal(row.At), row.User, row.Role, row.Unit,
            TrailPayload.Shown(row.Payload), row.Hash)
        {
            Name = read.Actor.Name, Position = read.Actor.Position, UnitName = version.Units.Find(row.Unit)?.Name.Vi,
            StepTitle = step, Detail = detail,
        };
    }
}
