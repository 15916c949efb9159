namespace OneStopWorkflow.Persistence.Reception;

/// <summary>
/// A queue ticket at a service centre: numbered per centre and day, called by a clerk, and what the visit became
/// (advice only, or a received dossier).
/// </summary>
public sealed class QueueTicketRow
{
    public long Id { get; set; }
    public string Centre { get; set; } = null!;
    public string Day { get; set; } = null!;
    public int Number { get; set; }
    public DateTimeOffset CalledAt { get; set; }
    public string CalledBy { get; set; } = null!;

    /// <summary>advice, dossier, or null while the visit is going on.</summary>
    public string? Visit { get; set; }

    public string? CaseId { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
