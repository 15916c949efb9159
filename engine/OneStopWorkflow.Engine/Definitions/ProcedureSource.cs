using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// The content of one version folder, handed to the loader by whoever reads files (the CLI, the host, a test):
/// the logical path of its <c>procedure.json</c>, its text, and the other files of the folder by relative path
/// (<c>templates/receipt.sbn-html</c>, <c>samples/on-time.json</c>).
/// </summary>
public sealed record ProcedureSource(string Path, string Json, ImmutableDictionary<string, string> Files)
{
    /// <summary>The folder of the version, as a logical path ending in '/'.</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..(Path.LastIndexOf('/') + 1)] : "";
}
