using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The cases behind one figure of the audit page, in the order the list and its exports share, and read as
/// <see cref="AuditCase"/>: what <see cref="ListAuditCases"/> pages through and <see cref="StreamAuditCases"/>
/// reads in one pass.
/// </summary>
internal static class FigureCases
{
    private const string Withdrawn = nameof(Outcome.Withdrawn);

    /// <summary>
    /// The cases behind <paramref name="figure"/>, one of <see cref="AuditFigure"/>, at <paramref name="now"/>.
    /// </summary>
    public static IQueryable<CaseRow> Of(IQueryable<CaseRow> cases, string figure, DateTimeOffset now) => figure switch
    {
        AuditFigure.Early => Finished(cases, Timeliness.Early),
        AuditFigure.OnTime => Finished(cases, Timeliness.OnTime),
        AuditFigure.Late => Finished(cases, Timeliness.Late),
        AuditFigure.Withdrawn => cases.Where(c => c.Outcome == Withdrawn),
        AuditFigure.Overdue => cases.Where(c => c.Status == CaseStatus.Open && c.Appointment != null
            && c.Appointment < now),
        AuditFigure.OpenOnTime => cases.Where(c => c.Status != CaseStatus.Finished && c.Appointment != null
            && (c.Status == CaseStatus.Paused || c.Appointment >= now)),
        _ => cases,
    };

    /// <summary>Oldest receipt first; the id breaks ties, so pages and exports agree on one order.</summary>
    public static IOrderedQueryable<CaseRow> InListOrder(IQueryable<CaseRow> cases) =>
        cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id);

    /// <summary>Only the columns an <see cref="AuditCase"/> shows.</summary>
    public static IQueryable<ListedCase> Listed(IQueryable<CaseRow> cases) =>
        cases.Select(c => new ListedCase(c.Id, c.DossierCode, c.ProcedureCode, c.ReceivingUnit, c.ReceivedDay,
            c.Appointment, c.FinishedAt, c.Status, c.Outcome, c.Timeliness));

    private static IQueryable<CaseRow> Finished(IQueryable<CaseRow> cases, Timeliness timeliness)
    {
        var text = CaseRow.TimelinessText(timeliness);
        return cases.Where(c => c.Timeliness == text && c.Outcome != Withdrawn);
    }

    internal sealed record ListedCase(
        string Id, string DossierCode, string ProcedureCode, string ReceivingUnit, string ReceivedDay,
        DateTimeOffset? Appointment, DateTimeOffset? FinishedAt, CaseStatus Status, string? Outcome,
        string? Timeliness)
    {
        public AuditCase ToCase(WorkingCalendar calendar) => new(
            Id, DossierCode, ProcedureCode, ReceivingUnit, ReceivedDay,
            Appointment is { } a ? calendar.ToLocal(a) : null, FinishedAt is { } f ? calendar.ToLocal(f) : null,
            Status.ToString().ToLowerInvariant(), Outcome?.ToLowerInvariant(), Timeliness);
    }
}
