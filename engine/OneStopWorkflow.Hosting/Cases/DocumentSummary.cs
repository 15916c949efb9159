using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A rendered document of a case (the content is fetched separately).</summary>
public sealed record DocumentSummary(
    long Id, int EventSequence, string Document, string? Form, DateTimeOffset IssuedAt, string Sha256)
{
    /// <summary>The document's title as the procedure names it.</summary>
    public Engine.Definitions.LocalizedText? Title { get; init; }

    /// <summary>The summary of a paper whose row was just written (its id set by the store).</summary>
    public static DocumentSummary Of(Persistence.Cases.DocumentRow row, LoadedVersion version)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(version);
        return new DocumentSummary(
            row.Id, row.EventSequence, row.Document, row.Form, version.Calendar.ToLocal(row.IssuedAt), row.Sha256)
        {
            Title = version.Procedure.Documents.FirstOrDefault(x => x.Id == row.Document)?.Title,
        };
    }
}
