using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Compliance, daily figures and the cases behind them, all as aggregate SQL over indexed columns of the case and
/// task snapshots: nothing loads the cases into memory. Auditors, leaders and admins of the unit or above may read.
/// </summary>
internal sealed class AuditHandlers(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : IQueryHandler<GetCompliance, ComplianceResult>, IQueryHandler<GetDailyFigures, DailyResult>, IQueryHandler<ListAuditCases, AuditCaseList>,
      IStreamQueryHandler<StreamAuditCases, AuditCase>
{
    private const string Withdrawn = nameof(Engine.Definitions.Outcome.Withdrawn);

    public async ValueTask<ComplianceResult> Handle(GetCompliance query, CancellationToken cancellationToken)
    {
        var (cases, units, refused) = await ScopeAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return new ComplianceResult(null, refused);
        }

        // Counts of received and finished cases come from the per-day figures kept with every save; only what depends
        // on this moment (open, overdue) is read from the cases, and only from the open ones.
        var now = time.GetUtcNow();
        var (from, to) = (Iso(query.Filter.From), Iso(query.Filter.To));
        var procedure = query.Filter.Procedure is { Length: > 0 } p ? p : null;
        var days = await db.CaseFigures.AsNoTracking()
            .Where(f => units.Contains(f.Unit) && string.Compare(f.Day, from) >= 0 && string.Compare(f.Day, to) <= 0
                && (procedure == null || f.ProcedureCode == procedure))
            .GroupBy(f => new { f.Unit, Month = f.Day.Substring(0, 7) })
            .Select(g => new Counted(g.Key.Unit, g.Key.Month, g.Sum(f => f.Received), g.Sum(f => f.Handled), g.Sum(f => f.Early),
                g.Sum(f => f.OnTime), g.Sum(f => f.Late), g.Sum(f => f.Withdrawn), g.Sum(f => f.Online), g.Sum(f => f.Escalations),
                g.Sum(f => f.Rated), g.Sum(f => f.RatingSum), 0, 0))
            .ToListAsync(cancellationToken);
        var open = await cases.Where(c => (c.Status == CaseStatus.Open || c.Status == CaseStatus.Paused) && c.Appointment != null)
            .GroupBy(c => new { c.ReceivingUnit, Month = c.ReceivedDay.Substring(0, 7) })
            .Select(g => new Counted(g.Key.ReceivingUnit, g.Key.Month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                g.Count(c => c.Status == CaseStatus.Paused || c.Appointment >= now),
                g.Count(c => c.Status == CaseStatus.Open && c.Appointment < now)))
            .ToListAsync(cancellationToken);
        var counted = days.Concat(open).ToList();
        var totals = Counted.Sum(counted);
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
        var hoursPerDay = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit).HoursPerDay;

        var figures = new ComplianceFigures(
            totals.Received, totals.Handled, totals.Early, totals.OnTime, totals.Late, totals.Withdrawn,
            totals.OpenOnTime, totals.Overdue,
            Rate(totals.Early + totals.OnTime + totals.OpenOnTime, totals.Handled),
            totals.Online, Rate(totals.Online, totals.Received),
            totals.Rated, totals.Rated == 0 ? null : Math.Round((decimal)totals.RatingSum / totals.Rated, 2), totals.Escalations,
            [.. counted.GroupBy(c => c.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, Counted.Sum(g)))],
            [.. counted.GroupBy(c => c.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, Counted.Sum(g)))],
            [.. steps.OrderBy(s => Rate(s.Within, s.Done)).ThenBy(s => s.Step, StringComparer.Ordinal)
                .Select(s => new StepFigures(s.ProcedureCode, s.Step, s.Done, s.Within, Rate(s.Within, s.Done),
                    Math.Round((decimal)(s.Timed == 0 ? 0 : s.Hours / s.Timed) / hoursPerDay, 2)))]);
        return new ComplianceResult(figures, null);
    }

    public async ValueTask<DailyResult> Handle(GetDailyFigures query, CancellationToken cancellationToken)
    {
        var (cases, units, refused) = await ScopeAsync(query.Filter with { Procedure = null }, cancellationToken);
        if (refused is not null)
        {
            return new DailyResult([], refused);
        }

        var (from, to) = (Compact(query.Filter.From), Compact(query.Filter.To));
        var tickets = await db.QueueTickets.Where(t => units.Contains(t.Centre) && string.Compare(t.Day, from) >= 0 && string.Compare(t.Day, to) <= 0)
            .GroupBy(t => t.Day).Select(g => new { Day = g.Key, Count = g.Count(), Advice = g.Count(t => t.Visit == "advice") })
            .ToListAsync(cancellationToken);
        var received = await cases.GroupBy(c => c.ReceivedDay).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var (fromDay, toDay) = (Iso(query.Filter.From), Iso(query.Filter.To));
        var returned = await db.Cases.Where(c => units.Contains(c.ReceivingUnit) && c.Outcome == "Resolved" && c.FinishedDay != null
                && string.Compare(c.FinishedDay, fromDay) >= 0 && string.Compare(c.FinishedDay, toDay) <= 0)
            .GroupBy(c => c.FinishedDay!).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var days = tickets.Select(t => Iso(t.Day)).Concat(received.Select(r => r.Day)).Concat(returned.Select(r => r.Day))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(day => new DailyFigures(day,
                tickets.FirstOrDefault(t => Iso(t.Day) == day)?.Count ?? 0, tickets.FirstOrDefault(t => Iso(t.Day) == day)?.Advice ?? 0,
                received.FirstOrDefault(r => r.Day == day)?.Count ?? 0, returned.FirstOrDefault(r => r.Day == day)?.Count ?? 0));
        return new DailyResult([.. days], null);
    }

    public async ValueTask<AuditCaseList> Handle(ListAuditCases query, CancellationToken cancellationToken)
    {
        var (cases, _, refused) = await ScopeAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return new AuditCaseList([], 0, refused);
        }

        cases = Behind(cases, query.Figure);
        var total = query.CountTotal ? await cases.CountAsync(cancellationToken) : -1;

        var rows = await Rows(InListOrder(cases).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 1000)))
            .ToListAsync(cancellationToken);
        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit);
        return new AuditCaseList([.. rows.Select(r => r.ToCase(calendar))], total, null);
    }

    public async IAsyncEnumerable<AuditCase> Handle(StreamAuditCases query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (cases, _, refused) = await ScopeAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            throw new UnauthorizedAccessException(refused.Message);
        }

        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit);
        await foreach (var row in Rows(InListOrder(Behind(cases, query.Figure))).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            yield return row.ToCase(calendar);
        }
    }

    /// <summary>The cases behind one figure of the dashboard.</summary>
    private IQueryable<CaseRow> Behind(IQueryable<CaseRow> cases, string figure)
    {
        var now = time.GetUtcNow();
        return figure switch
        {
            "early" or "on-time" or "late" => cases.Where(c => c.Timeliness == figure && c.Outcome != Withdrawn),
            "withdrawn" => cases.Where(c => c.Outcome == Withdrawn),
            "overdue" => cases.Where(c => c.Status == CaseStatus.Open && c.Appointment != null && c.Appointment < now),
            "open-on-time" => cases.Where(c => c.Status != CaseStatus.Finished && c.Appointment != null && (c.Status == CaseStatus.Paused || c.Appointment >= now)),
            _ => cases,
        };
    }

    /// <summary>Oldest receipt first; the id breaks ties, so pages and exports agree on one order.</summary>
    private static IOrderedQueryable<CaseRow> InListOrder(IQueryable<CaseRow> cases) => cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id);

    private static IQueryable<ListedCase> Rows(IQueryable<CaseRow> cases) =>
        cases.Select(c => new ListedCase(c.Id, c.DossierCode, c.ProcedureCode, c.ReceivingUnit, c.ReceivedDay, c.Appointment,
            c.FinishedAt, c.Status, c.Outcome, c.Timeliness));

    private sealed record ListedCase(
        string Id, string DossierCode, string ProcedureCode, string ReceivingUnit, string ReceivedDay, DateTimeOffset? Appointment, DateTimeOffset? FinishedAt, CaseStatus Status, string? Outcome, string? Timeliness)
    {
        public AuditCase ToCase(WorkingCalendar calendar) => new(Id, DossierCode, ProcedureCode, ReceivingUnit, ReceivedDay,
            Appointment is { } a ? calendar.ToLocal(a) : null, FinishedAt is { } f ? calendar.ToLocal(f) : null,
            Status.ToString().ToLowerInvariant(), Outcome?.ToLowerInvariant(), Timeliness);
    }

    /// <summary>The cases an audit query covers and the units they were received at, or why the actor may not see them.</summary>
    private async Task<(IQueryable<CaseRow> Cases, List<string> Units, Rejection? Refused)> ScopeAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var tree = (await catalog.ContextAsync(cancellationToken)).Units;
        if (!actor.Memberships.Any(m => m.Role == Roles.Admin
                || (m.Role is Roles.Auditor or Roles.Leader && tree.IsAtOrAbove(m.Unit, filter.Unit))))
        {
            return (db.Cases.Where(_ => false), [], Rejection.Of(RejectionCodes.Forbidden, "audit")
                .With("unit", CaseAccess.Quote(filter.Unit)));
        }

        var units = filter.IncludeChildren ? [.. tree.SelfAndBelow(filter.Unit)] : new List<string> { filter.Unit };
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var cases = db.Cases.AsNoTracking()
            .Where(c => units.Contains(c.ReceivingUnit) && string.Compare(c.ReceivedDay, from) >= 0 && string.Compare(c.ReceivedDay, to) <= 0);
        return (filter.Procedure is { Length: > 0 } procedure ? cases.Where(c => c.ProcedureCode == procedure) : cases, units, null);
    }

    /// <summary>Case counts of one unit and month, from the day figures or from the open cases, or the sum of several.</summary>
    private sealed record Counted(
        string Unit, string Month, int Received, int Handled, int Early, int OnTime, int Late, int Withdrawn, int Online,
        int Escalations, int Rated, int RatingSum, int OpenOnTime, int Overdue)
    {
        public static Counted Sum(IEnumerable<Counted> rows) => rows.Aggregate(
            new Counted("", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (a, r) => new Counted("", "", a.Received + r.Received, a.Handled + r.Handled, a.Early + r.Early, a.OnTime + r.OnTime,
                a.Late + r.Late, a.Withdrawn + r.Withdrawn, a.Online + r.Online, a.Escalations + r.Escalations, a.Rated + r.Rated,
                a.RatingSum + r.RatingSum, a.OpenOnTime + r.OpenOnTime, a.Overdue + r.Overdue));
    }

    private static GroupFigures Figures(string key, Counted g) => new(key, g.Received, g.Late, g.Overdue, Rate(g.Handled - g.Late - g.Overdue, g.Handled));

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Compact(DateOnly day) => day.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Iso(string yyMMdd) => $"20{yyMMdd[..2]}-{yyMMdd[2..4]}-{yyMMdd[4..6]}";
}
