namespace OneStopWorkflow.Persistence.Escalations;

/// <summary>
/// Proof that an escalation fired for a case: the key is "task/rule" or "case/rule", so the primary key
/// (case, key) makes a second firing for the same task activation and rule impossible.
/// </summary>
public sealed class EscalationClaimRow
{
    public string CaseId { get; set; } = null!;
    public string Key { get; set; } = null!;
    public string ClaimedBy { get; set; } = null!;
    public DateTimeOffset FiredAt { get; set; }
    public int EventSequence { get; set; }
}
