using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>Collects diagnostics while content is loaded or checked.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int Count => _items.Count;

    public void Error(string code, string message, SourceLocation location) =>
        _items.Add(new Diagnostic(code, Severity.Error, message, location));

    public void Warning(string code, string message, SourceLocation location) =>
        _items.Add(new Diagnostic(code, Severity.Warning, message, location));

    /// <summary>Adds a diagnostic that carries the values its sentence names.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>The diagnostics in file, line and column order, so output is stable.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. _items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)];
}
