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
    ImmutableArray<StepFigures> Steps);
