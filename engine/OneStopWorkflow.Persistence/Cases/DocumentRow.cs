namespace OneStopWorkflow.Persistence.Cases;

/// <summary>A rendered document of a case: immutable once written, with the SHA-256 of its content.</summary>
public sealed class DocumentRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = null!;

    /// <summary>The sequence number of the document-issued event it belongs to.</summary>
    public int EventSequence { get; set; }

    public string Document { get; set; } = null!;
    public string? Form { get; set; }
    public string MediaType { get; set; } = null!;
    public string Content { get; set; } = null!;
    public string Sha256 { get; set; } = null!;
    public DateTimeOffset IssuedAt { get; set; }
}
