using System.Collections.Immutable;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
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
    : IQueryHandler<GetCompliance, ComplianceResult>, IQueryHandler<GetDailyFigures, DailyResult>, IQueryHandler<ListAuditCases, AuditCaseList>
{
    private const string Withdrawn = "Withdrawn";

    public async ValueTask<ComplianceResult> Handle(GetCompliance query, CancellationToken cancellationToken)
    {
        var (cases, refused) = await ScopeAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return new ComplianceResult(null, refused);
        }

        var now = time.GetUtcNow();
        var totals = await cases.GroupBy(_ => 1).Select(g => new
        {
            Received = g.Count(),
            Handled = g.Count(c => c.Appointment != null && c.Outcome != Withdrawn),
            Early = g.Count(c => c.Timeliness == "early" && c.Outcome != Withdrawn),
            OnTime = g.Count(c => c.Timeliness == "on-time" && c.Outcome != Withdrawn),
            Late = g.Count(c => c.Timeliness == "late" && c.Outcome != Withdrawn),
            Withdrawn = g.Count(c => c.Outcome == Withdrawn),
            OpenOnTime = g.Count(c => c.Status != CaseStatus.Finished && c.Appointment != null && (c.Status == CaseStatus.Paused || c.Appointment >= now)),
            Overdue = g.Count(c => c.Status == CaseStatus.Open && c.Appointment != null && c.Appointment < now),
            Online = g.Count(c => c.Channel == "online"),
        }).FirstOrDefaultAsync(cancellationToken);
        var byUnit = await GroupsAsync(cases, c => c.ReceivingUnit, now, cancellationToken);
        var byMonth = await GroupsAsync(cases, c => c.ReceivedDay.Substring(0, 7), now, cancellationToken);
        var ratings = await db.Ratings.Join(cases, r => r.CaseId, c => c.Id, (r, c) => r.Score)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Average = g.Average(s => (double)s) }).FirstOrDefaultAsync(cancellationToken);
        var escalations = await db.EscalationClaims.Join(cases, e => e.CaseId, c => c.Id, (e, c) => e).CountAsync(cancellationToken);
        var steps = await db.Tasks.Join(cases, t => t.CaseId, c => c.Id, (t, c) => new { c.ProcedureCode, t.Step, t.Status, t.Due, t.CompletedAt, t.WorkingHours })
            .Where(t => t.Status == Persistence.Cases.TaskStatus.Completed && t.Due != null)
            .GroupBy(t => new { t.ProcedureCode, t.Step })
            .Select(g => new
            {
                g.Key.ProcedureCode, g.Key.Step, Done = g.Count(), Within = g.Count(t => t.CompletedAt <= t.Due),
                Hours = g.Average(t => t.WorkingHours),
            })
            .ToListAsync(cancellationToken);
        var hoursPerDay = (await catalog.ContextAsync(cancellationToken)).Calendars.Values.FirstOrDefault()?.HoursPerDay ?? 8;

        var handled = totals?.Handled ?? 0;
        var figures = new ComplianceFigures(
            totals?.Received ?? 0, handled, totals?.Early ?? 0, totals?.OnTime ?? 0, totals?.Late ?? 0, totals?.Withdrawn ?? 0,
            totals?.OpenOnTime ?? 0, totals?.Overdue ?? 0,
            Rate((totals?.Early ?? 0) + (totals?.OnTime ?? 0) + (totals?.OpenOnTime ?? 0), handled),
            totals?.Online ?? 0, Rate(totals?.Online ?? 0, totals?.Received ?? 0),
            ratings?.Count ?? 0, ratings is null ? null : Math.Round((decimal)ratings.Average, 2), escalations,
            [.. byUnit.OrderBy(g => g.Key, StringComparer.Ordinal).Select(Figures)],
            [.. byMonth.OrderBy(g => g.Key, StringComparer.Ordinal).Select(Figures)],
            [.. steps.OrderBy(s => Rate(s.Within, s.Done)).ThenBy(s => s.Step, StringComparer.Ordinal)
                .Select(s => new StepFigures(s.ProcedureCode, s.Step, s.Done, s.Within, Rate(s.Within, s.Done),
                    Math.Round((decimal)(s.Hours ?? 0) / hoursPerDay, 2)))]);
        return new ComplianceResult(figures, null);
    }

    public async ValueTask<DailyResult> Handle(GetDailyFigures query, CancellationToken cancellationToken)
    {
        var (cases, refused) = await ScopeAsync(query.Filter with { Procedure = null }, cancellationToken);
        if (refused is not null)
        {
            return new DailyResult([], refused);
        }

        var units = await UnitsAsync(query.Filter, cancellationToken);
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
        var (cases, refused) = await ScopeAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return new AuditCaseList([], 0, refused);
        }

        var now = time.GetUtcNow();
        cases = query.Figure switch
        {
            "early" or "on-time" or "late" => cases.Where(c => c.Timeliness == query.Figure && c.Outcome != Withdrawn),
            "withdrawn" => cases.Where(c => c.Outcome == Withdrawn),
            "overdue" => cases.Where(c => c.Status == CaseStatus.Open && c.Appointment != null && c.Appointment < now),
            "open-on-time" => cases.Where(c => c.Status != CaseStatus.Finished && c.Appointment != null && (c.Status == CaseStatus.Paused || c.Appointment >= now)),
            _ => cases,
        };
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases.OrderBy(c => c.ReceivedAt).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 1000))
            .Select(c => new { c.Id, c.DossierCode, c.ProcedureCode, c.ReceivingUnit, c.ReceivedDay, c.Appointment, c.FinishedAt, c.Status, c.Outcome, c.Timeliness })
            .ToListAsync(cancellationToken);
        var calendar = (await catalog.ContextAsync(cancellationToken)).Calendars.Values.First();
        return new AuditCaseList([.. rows.Select(r => new AuditCase(r.Id, r.DossierCode, r.ProcedureCode, r.ReceivingUnit, r.ReceivedDay,
            r.Appointment is { } a ? calendar.ToLocal(a) : null, r.FinishedAt is { } f ? calendar.ToLocal(f) : null,
            r.Status.ToString().ToLowerInvariant(), r.Outcome?.ToLowerInvariant(), r.Timeliness))], total, null);
    }

    private async Task<(IQueryable<CaseRow> Cases, Rejection? Refused)> ScopeAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        if (actors.Actor is not { Memberships.IsEmpty: false } actor)
        {
            return (db.Cases.Where(_ => false), CaseAccess.Anonymous);
        }

        var parents = await ParentsAsync(cancellationToken);
        if (!actor.Memberships.Any(m => m.Role == Roles.Admin
                || (m.Role is Roles.Auditor or Roles.Leader && IsAtOrAbove(m.Unit, filter.Unit, parents))))
        {
            return (db.Cases.Where(_ => false), new Rejection("forbidden",
                $"Compliance of {filter.Unit} is for auditors, leaders and admins of that unit or above it."));
        }

        var units = await UnitsAsync(filter, cancellationToken);
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var cases = db.Cases.AsNoTracking()
            .Where(c => units.Contains(c.ReceivingUnit) && string.Compare(c.ReceivedDay, from) >= 0 && string.Compare(c.ReceivedDay, to) <= 0);
        return (filter.Procedure is { Length: > 0 } procedure ? cases.Where(c => c.ProcedureCode == procedure) : cases, null);
    }

    /// <summary>The unit and, when asked, every unit below it, from the units imported into the database.</summary>
    private async Task<List<string>> UnitsAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var parents = await ParentsAsync(cancellationToken);
        return filter.IncludeChildren
            ? [.. parents.Keys.Where(u => IsAtOrAbove(filter.Unit, u, parents)).Append(filter.Unit).Distinct()]
            : [filter.Unit];
    }

    private Task<Dictionary<string, string?>> ParentsAsync(CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Parent, StringComparer.Ordinal, cancellationToken);

    private static bool IsAtOrAbove(string unit, string target, Dictionary<string, string?> parents)
    {
        for (string? current = target; current is not null; current = parents.GetValueOrDefault(current))
        {
            if (current == unit)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<List<Group>> GroupsAsync(
        IQueryable<CaseRow> cases, System.Linq.Expressions.Expression<Func<CaseRow, string>> key, DateTimeOffset now, CancellationToken cancellationToken) =>
        cases.GroupBy(key).Select(g => new Group(g.Key, g.Count(),
                g.Count(c => c.Appointment != null && c.Outcome != Withdrawn),
                g.Count(c => c.Timeliness == "late" && c.Outcome != Withdrawn),
                g.Count(c => c.Status == CaseStatus.Open && c.Appointment != null && c.Appointment < now)))
            .ToListAsync(cancellationToken);

    private sealed record Group(string Key, int Received, int Handled, int Late, int Overdue);

    private static GroupFigures Figures(Group g) => new(g.Key, g.Received, g.Late, g.Overdue, Rate(g.Handled - g.Late - g.Overdue, g.Handled));

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Compact(DateOnly day) => day.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Iso(string yyMMdd) => $"20{yyMMdd[..2]}-{yyMMdd[2..4]}-{yyMMdd[4..6]}";
}
