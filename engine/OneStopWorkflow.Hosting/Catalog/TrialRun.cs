using System.Collections.Immutable;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// A scenario run on a draft, told as a story: the case in brief (null members when the receipt was refused)
/// and its timeline.
/// </summary>
public sealed record TrialRun(ImmutableArray<TrialEntry> Entries)
{
    public string? DossierCode { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? Appointment { get; init; }
    public DateTimeOffset? PromisedAppointment { get; init; }

    /// <summary>"open", "paused" or "finished".</summary>
    public string? Status { get; init; }

    /// <summary>"resolved", "refused" or "withdrawn" once finished.</summary>
    public string? Outcome { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>"early", "on-time" or "late" against the original appointment, once finished.</summary>
    public string? Timeliness { get; init; }
}
