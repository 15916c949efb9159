using OneStopWorkflow.Engine.Refusals;
using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Which cases a figure covers: received at <see cref="Unit"/> (and the units below it when
/// <see cref="IncludeChildren"/>), of <see cref="Procedure"/> if given, on local days <see cref="From"/> to <see cref="To"/>.
/// </summary>
public sealed record AuditFilter(string Unit, DateOnly From, DateOnly To)
{
    public bool IncludeChildren { get; init; } = true;
    public string? Procedure { get; init; }
}

/// <summary>
/// Deadline compliance of the filtered cases. The on-time rate follows Decision 766: cases finished by their
/// appointment or still open within it, over the cases handled (clock started, not withdrawn); time waiting for a
/// supplement does not count because the appointment moves with it.
/// </summary>
public sealed record ComplianceFigures(
    int Received, int Handled, int FinishedEarly, int FinishedOnTime, int FinishedLate, int Withdrawn, int OpenOnTime,
    int OpenOverdue, decimal OnTimeRate, int Online, decimal OnlineShare, int Ratings, decimal? AverageRating, int Escalations,
    ImmutableArray<GroupFigures> ByUnit, ImmutableArray<GroupFigures> ByMonth, ImmutableArray<StepFigures> Steps);

/// <summary>Received, late and overdue-now cases of one unit or month.</summary>
public sealed record GroupFigures(string Key, int Received, int Late, int Overdue, decimal OnTimeRate);

/// <summary>
/// Where time is lost: tasks of a step finished within their own budget, out of those finished with one, and the
/// average working days they took.
/// </summary>
public sealed record StepFigures(string Procedure, string Step, int Done, int WithinBudget, decimal Rate, decimal AverageWorkingDays);

public sealed record ComplianceResult(ComplianceFigures? Figures, Rejection? Rejection) : IRefusable<ComplianceResult>
{
    public static ComplianceResult Refused(Rejection rejection) => new(null, rejection);
}

public sealed record GetCompliance(AuditFilter Filter) : IQuery<ComplianceResult>;

/// <summary>A centre's day: tickets called, advice only, dossiers received, results returned.</summary>
public sealed record DailyFigures(string Day, int Tickets, int Advice, int Received, int Returned);

public sealed record DailyResult(ImmutableArray<DailyFigures> Days, Rejection? Rejection) : IRefusable<DailyResult>
{
    public static DailyResult Refused(Rejection rejection) => new([], rejection);
}

public sealed record GetDailyFigures(AuditFilter Filter) : IQuery<DailyResult>;

/// <summary>A case behind a figure.</summary>
public sealed record AuditCase(
    string Id, string DossierCode, string Procedure, string Unit, string ReceivedDay, DateTimeOffset? Appointment,
    DateTimeOffset? FinishedAt, string Status, string? Outcome, string? Timeliness);

public sealed record AuditCaseList(ImmutableArray<AuditCase> Cases, int Total, Rejection? Rejection) : IRefusable<AuditCaseList>
{
    public static AuditCaseList Refused(Rejection rejection) => new([], 0, rejection);
}

/// <summary>
/// The cases behind a figure: received, early, on-time, late, withdrawn, open-on-time or overdue, a page at a time.
/// </summary>
public sealed record ListAuditCases(AuditFilter Filter, string Figure) : IQuery<AuditCaseList>
{
    public int Skip { get; init; }
    public int Take { get; init; } = 100;

    /// <summary>Count all the matching cases (<see cref="AuditCaseList.Total"/>); off when only checking access.</summary>
    public bool CountTotal { get; init; } = true;
}

/// <summary>
/// Every case behind a figure, in the list's order, read in one pass: an export of a province-year sorts once
/// instead of once per page. Ask <see cref="ListAuditCases"/> first; this one throws when access is refused.
/// </summary>
public sealed record StreamAuditCases(AuditFilter Filter, string Figure) : IStreamQuery<AuditCase>;

/// <summary>Recomputes the hash chain of one case's trail, or of all (auditors and admins).</summary>
public sealed record VerifyTrails(string? CaseId) : IQuery<VerifyResult>;

public sealed record VerifyResult(Persistence.Trail.TrailReport? Report, Rejection? Rejection) : IRefusable<VerifyResult>
{
    public static VerifyResult Refused(Rejection rejection) => new(null, rejection);
}
