using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>The case after a command, or the reasons the command was refused (nothing was written then).</summary>
public sealed record CaseResult(CaseView? Case, ImmutableArray<Rejection> Rejections) : IRefusable<CaseResult>
{
    public bool IsRejected => !Rejections.IsEmpty;

    /// <summary>
    /// What the command wrote, as the case page shows it, when the writer answered with its rows: the page then shows
    /// the case from this answer instead of reading it again.
    /// </summary>
    public CaseWritten? Written { get; init; }

    public static CaseResult Refused(Rejection rejection) => new(null, [rejection]);
}

/// <summary>
/// A command's new trail entries and papers (with the ids the store gave them), and what the caller may do next.
/// </summary>
public sealed record CaseWritten(
    ImmutableArray<TrailEntry> Trail, ImmutableArray<DocumentSummary> Documents,
    ImmutableArray<AvailableAction> AvailableActions, CaseOffers Offers);
