using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Hosting.Catalog;

public enum PublishStatus
{
    Published,
    Unchanged,
    Drafted,
    Refused,
}

/// <summary>What became of a version offered for import, drafting or publishing, with the diagnostics that decided it.</summary>
public sealed record PublishOutcome(
    string Path, string? Code, int? Version, PublishStatus Status, ImmutableArray<Diagnostic> Diagnostics, string Message)
{
    public bool IsRefused => Status == PublishStatus.Refused;

    public override string ToString() => $"{Path}: {Message}";
}
