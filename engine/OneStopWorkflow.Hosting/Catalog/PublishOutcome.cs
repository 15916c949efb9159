using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

public enum PublishStatus
{
    Published,
    Unchanged,
    Drafted,
    Refused,
}

/// <summary>
/// What became of a version offered for import, drafting or publishing, with the diagnostics that decided it.
/// </summary>
public sealed record PublishOutcome(
    string Path, string? Code, int? Version, PublishStatus Status, ImmutableArray<Diagnostic> Diagnostics,
    string Message)
    : IRefusable<PublishOutcome>
{
    /// <summary>
    /// Why the caller may not publish or draft at all, when that is the reason; null for content refusals.
    /// </summary>
    public Rejection? Rejection { get; init; }

    public static PublishOutcome Refused(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new("", null, null, PublishStatus.Refused, [], $"refused: {rejection.Message}")
        {
            Rejection = rejection,
        };
    }

    public bool IsRefused => Status == PublishStatus.Refused;

    public override string ToString() => $"{Path}: {Message}";
}
