namespace OneStopWorkflow.Persistence.Reception;

/// <summary>
/// A citizen's satisfaction rating of a finished case: once per case, 1 to 5, with an optional comment.
/// </summary>
public sealed class RatingRow
{
    public string CaseId { get; set; } = null!;
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}
