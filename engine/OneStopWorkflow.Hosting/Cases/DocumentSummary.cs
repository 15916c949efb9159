namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A rendered document of a case (the content is fetched separately).</summary>
public sealed record DocumentSummary(
    long Id, int EventSequence, string Document, string? Form, DateTimeOffset IssuedAt, string Sha256)
{
    /// <summary>The document's title as the procedure names it.</summary>
    public Engine.Definitions.LocalizedText? Title { get; init; }
}
