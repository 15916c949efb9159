using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// A document failed to render at run time; published versions were checked, so this means a bug or a limit.
/// </summary>
public sealed class TemplateRenderException(
    string procedure, int version, string document, SourceLocation location, string message, Exception? inner)
    : Exception(
        $"{location}: document '{document}' of {procedure} v{version} failed to render: {message}", inner)
{
    public string Procedure { get; } = procedure;
    public int Version { get; } = version;
    public string Document { get; } = document;
    public SourceLocation Location { get; } = location;
}
