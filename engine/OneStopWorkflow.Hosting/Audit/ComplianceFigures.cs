using System.Collections.Immutable;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Deadline compliance of the filtered cases. The on-time rate follows Decision 766: cases finished by their
/// appointment or still open within it, over the cases handled (clock started, not withdrawn); time waiting for a
/// supplement does not count because the appointment moves with it.
/// </summary>
public sealed record ComplianceFigures(
    int Received, int Handled, int FinishedEarly, int FinishedOnTime, int FinishedLate, int Withdrawn, int OpenOnTime,
    int OpenOverdue, decimal OnTimeRate, int Online, decimal OnlineShare, int Ratings, decimal? AverageRating,
    int Escalations, ImmutableArray<GroupFigures> ByUnit, ImmutableArray<GroupFigures> ByMonth,
    ImmutableArray<StepFigures> Steps)
{
    /// <summary>
    /// The on-time rate (in %) drawn as the target across the rate by month. Decision 766 scores indicator 2.1 by
    /// the rate itself and sets no threshold, so this is the dashboard's line, named once here for every reader.
    /// </summary>
    public decimal OnTimeTarget { get; init; } = 95;

    /// <summary>The Decision 766 indicators 2.1, 2.2, 3.3, 4.1, 4.2 and 5.4 of the same cases.</summary>
    public Decision766Figures Indicators { get; init; } = Decision766Figures.None;
}
