using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// Paperwork a version can issue: its id, the Circular 03/2025 form number when it is one of the national forms,
/// and the Scriban template that lays it out (a file of the version, or a shared form under templates/).
/// </summary>
public sealed record DocumentDefinition
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public string? Form { get; init; }
    public required string Template { get; init; }
    public SourceLocation Location { get; init; }
}
