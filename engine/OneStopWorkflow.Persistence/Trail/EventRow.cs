namespace OneStopWorkflow.Persistence.Trail;

/// <summary>
/// One entry of a case's append-only trail. <see cref="Hash"/> covers every column and the previous event's hash,
/// so a changed or removed entry breaks the chain from that point on.
/// </summary>
public sealed class EventRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = null!;
    public int Sequence { get; set; }
    public string Type { get; set; } = null!;
    public DateTimeOffset At { get; set; }
    public string User { get; set; } = null!;
    public string Role { get; set; } = null!;
    public string Unit { get; set; } = null!;
    public string Payload { get; set; } = null!;
    public string PreviousHash { get; set; } = null!;
    public string Hash { get; set; } = null!;
}
