using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// The outcome of loading a version: the definition when there is no error, the diagnostics in any case, and
/// the canonical JSON with its SHA-256 (the identity a case is pinned to).
/// </summary>
public sealed record LoadResult(
    ProcedureDefinition? Procedure, ImmutableArray<Diagnostic> Diagnostics, string? CanonicalJson, string? Sha256)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
