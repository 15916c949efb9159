namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A rendered document of a case (the content is fetched separately).</summary>
public sealed record DocumentSummary(
    long Id, int EventSequence, string Document, string? Form, DateTimeOffset IssuedAt, string Sha256);
