using System.Collections.Immutable;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The compliance figures of the filtered cases, as aggregate SQL over the day figures and the open cases: nothing
/// loads the cases into memory. Auditors, leaders and admins of the unit or above may read.
/// </summary>
public sealed record GetCompliance(AuditFilter Filter) : IQuery<ComplianceResult>;

public sealed record ComplianceResult(ComplianceFigures? Figures, Rejection? Rejection) : IRefusable<ComplianceResult>
{
    public static ComplianceResult Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class GetComplianceHandler(
    OneStopDbContext db, AuditScope scope, ProcedureCatalog catalog, TimeProvider time)
    : IQueryHandler<GetCompliance, ComplianceResult>
{
    public async ValueTask<ComplianceResult> Handle(GetCompliance query, CancellationToken cancellationToken)
    {
        var (cases, units, refused) = await scope.CasesAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return ComplianceResult.Refused(refused);
        }

        // Counts of received and finished cases come from the per-day figures kept with every save; only what depends
        // on this moment (open, overdue) is read from the cases, and only from the open ones.
        var counts = (await DayCountsAsync(query.Filter, units, cancellationToken))
            .Concat(await OpenCountsAsync(cases, cancellationToken)).ToList();
        var totals = CaseCounts.Sum(counts);
        var steps = await StepsAsync(query.Filter, units, cancellationToken);
        var hoursPerDay = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit).HoursPerDay;
        var indicators = await Decision766Counts.ReadAsync(
            db, query.Filter, units, cases, counts, hoursPerDay, time.GetUtcNow(), cancellationToken);
        return new ComplianceResult(new ComplianceFigures(
            totals.Received, totals.Handled, totals.Early, totals.OnTime, totals.Late, totals.Withdrawn,
            totals.OpenOnTime, totals.Overdue,
            Rate(totals.Early + totals.OnTime + totals.OpenOnTime, totals.Handled),
            totals.Online, Rate(totals.Online, totals.Received),
            totals.Rated, totals.Rated == 0 ? null : Math.Round((decimal)totals.RatingSum / totals.Rated, 2),
            totals.Escalations,
            [.. counts.GroupBy(c => c.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Group)],
            [.. counts.GroupBy(c => c.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Group)],
            steps) { Indicators = indicators }, null);
    }

    /// <summary>Received and finished cases by unit and month, from the day figures.</summary>
    private Task<List<CaseCounts>> DayCountsAsync(
        AuditFilter filter, List<string> units, CancellationToken cancellationToken)
    {
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var procedure = filter.Procedure is { Length: > 0 } p ? p : null;
        return db.CaseFigures.AsNoTracking()
            .Where(f => units.Contains(f.Unit) && string.Compare(f.Day, from) >= 0 && string.Compare(f.Day, to) <= 0
                && (procedure == null || f.ProcedureCode == procedure))
            .GroupBy(f => new { f.Unit, Month = f.Day.Substring(0, 7) })
            .Select(g => new CaseCounts(g.Key.Unit, g.Key.Month, g.Sum(f => f.Received), g.Sum(f => f.Handled),
                g.Sum(f => f.Early), g.Sum(f => f.OnTime), g.Sum(f => f.Late), g.Sum(f => f.Withdrawn),
                g.Sum(f => f.Online), g.Sum(f => f.Escalations), g.Sum(f => f.Rated), g.Sum(f => f.RatingSum), 0, 0))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Cases open on time and overdue at this moment, by receiving unit and month of receipt.</summary>
    private Task<List<CaseCounts>> OpenCountsAsync(IQueryable<CaseRow> cases, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return cases
            .Where(c => (c.Status == CaseStatus.Open || c.Status == CaseStatus.Paused) && c.Appointment != null)
            .GroupBy(c => new { c.ReceivingUnit, Month = c.ReceivedDay.Substring(0, 7) })
            .Select(g => new CaseCounts(g.Key.ReceivingUnit, g.Key.Month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                g.Count(c => c.Status == CaseStatus.Paused || c.Appointment >= now),
                g.Count(c => c.Status == CaseStatus.Open && c.Appointment < now)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The steps of the filtered procedures, those that lose the most time first.</summary>
    private async Task<ImmutableArray<StepFigures>> StepsAsync(
        AuditFilter filter, List<string> units, CancellationToken cancellationToken)
    {
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var procedure = filter.Procedure is { Length: > 0 } p ? p : null;
        var steps = await db.StepFigures.AsNoTracking()
            .Where(f => units.Contains(f.Unit) && string.Compare(f.Day, from) >= 0 && string.Compare(f.Day, to) <= 0
                && (procedure == null || f.ProcedureCode == procedure))
            .GroupBy(f => new { f.ProcedureCode, f.Step })
            .Select(g => new
            {
                g.Key.ProcedureCode, g.Key.Step, Done = g.Sum(f => f.Done), Within = g.Sum(f => f.WithinDue),
                Hours = g.Sum(f => f.Hours), Timed = g.Sum(f => f.Timed),
            })
            .ToListAsync(cancellationToken);
        var hoursPerDay = (await catalog.ContextAsync(cancellationToken)).CalendarOf(filter.Unit).HoursPerDay;
        return [.. steps.OrderBy(s => Rate(s.Within, s.Done)).ThenBy(s => s.Step, StringComparer.Ordinal)
            .Select(s => new StepFigures(s.ProcedureCode, s.Step, s.Done, s.Within, Rate(s.Within, s.Done),
                Math.Round((decimal)(s.Timed == 0 ? 0 : s.Hours / s.Timed) / hoursPerDay, 2)))];
    }

    private static GroupFigures Group(IGrouping<string, CaseCounts> group)
    {
        var counts = CaseCounts.Sum(group);
        return new GroupFigures(group.Key, counts.Received, counts.Late, counts.Overdue,
            Rate(counts.Handled - counts.Late - counts.Overdue, counts.Handled));
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
