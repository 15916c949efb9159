namespace OneStopWorkflow.Persistence.Reception;

/// <summary>
/// A queue ticket at a service centre: numbered per centre and day when the citizen takes it, called by a clerk to a
/// counter, and what the visit became (advice only, a received dossier, or skipped because the citizen was absent).
/// </summary>
public sealed class QueueTicketRow
{
    public long Id { get; set; }
    public string Centre { get; set; } = null!;
    public string Day { get; set; } = null!;
    public int Number { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>One of <see cref="TicketStates"/>.</summary>
    public string State { get; set; } = null!;

    public DateTimeOffset? CalledAt { get; set; }
    public string? CalledBy { get; set; }

    /// <summary>The number of the counter the citizen was called to.</summary>
    public int? Counter { get; set; }

    /// <summary>How many times the ticket was called again, and when last.</summary>
    public int Recalls { get; set; }

    public DateTimeOffset? RecalledAt { get; set; }

    /// <summary>advice or dossier once served; null before.</summary>
    public string? Visit { get; set; }

    public string? CaseId { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
