using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Reads the Decision 766 indicators: the sums kept in the day figures by unit and procedure, what depends on this
/// moment (open cases within their appointment yet asked for a supplement twice) from the open cases, and the
/// deadline counts <see cref="GetComplianceHandler"/> has already read. Nothing is decided here that the engine
/// (<see cref="CaseIndicators"/>) does not say of each case.
/// </summary>
internal static class Decision766Counts
{
    private sealed record Sums(
        string Unit, string Procedure, int SupplementLate, int Processed, long Minutes, int Online, int PaperResult,
        int EResults, int Digitised, int Complaints);

    public static async Task<Decision766Figures> ReadAsync(
        OneStopDbContext db, AuditFilter filter, List<string> units, IQueryable<CaseRow> cases,
        IReadOnlyList<CaseCounts> counts, decimal hoursPerDay, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (from, to) = (Iso(filter.From), Iso(filter.To));
        var procedure = filter.Procedure is { Length: > 0 } p ? p : null;
        var sums = await db.CaseFigures.AsNoTracking()
            .Where(f => units.Contains(f.Unit) && string.Compare(f.Day, from) >= 0 && string.Compare(f.Day, to) <= 0
                && (procedure == null || f.ProcedureCode == procedure))
            .GroupBy(f => new { f.Unit, f.ProcedureCode })
            .Select(g => new Sums(g.Key.Unit, g.Key.ProcedureCode, g.Sum(f => f.SupplementLate),
                g.Sum(f => f.Processed), g.Sum(f => f.ProcessingMinutes), g.Sum(f => f.OnlineCounted),
                g.Sum(f => f.PaperResult), g.Sum(f => f.EResult), g.Sum(f => f.Digitised), g.Sum(f => f.Complaints)))
            .ToListAsync(cancellationToken);
        var openLate = (await cases
                .Where(c => (c.Status == CaseStatus.Paused || (c.Status == CaseStatus.Open && c.Appointment >= now))
                    && c.Appointment != null && c.LateBySupplements)
                .GroupBy(c => c.ReceivingUnit)
                .Select(g => new { Unit = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(g => g.Unit, g => g.Count, StringComparer.Ordinal);

        Decision766Group Group(string key, CaseCounts deadline, IEnumerable<Sums> kept, int open)
        {
            var s = kept.ToList();
            var late = s.Sum(x => x.SupplementLate) + open;
            var onTime = deadline.Early + deadline.OnTime + deadline.OpenOnTime - late;
            var (processed, minutes) = (s.Sum(x => x.Processed), s.Sum(x => x.Minutes));
            var (online, paper, eResults) = (s.Sum(x => x.Online), s.Sum(x => x.PaperResult), s.Sum(x => x.EResults));
            var (digitised, complaints) = (s.Sum(x => x.Digitised), s.Sum(x => x.Complaints));
            var overdueRate = Rate(deadline.Handled - onTime, deadline.Handled);
            var complaintRate = Rate(complaints, deadline.Received);
            return new Decision766Group(key, deadline.Received, deadline.Handled, onTime,
                Rate(onTime, deadline.Handled),
                late, processed, Days(minutes, processed, hoursPerDay), online, Rate(online, deadline.Received),
                paper, eResults, paper == 0 ? null : Rate(eResults, paper), digitised,
                Rate(digitised, deadline.Received), complaints, complaintRate, overdueRate,
                Math.Max(0, 100 - overdueRate - complaintRate));
        }

        var byUnit = counts.GroupBy(c => c.Unit).Select(g => g.Key)
            .Union(sums.Select(s => s.Unit)).Order(StringComparer.Ordinal)
            .Select(unit => Group(unit, CaseCounts.Sum(counts.Where(c => c.Unit == unit)),
                sums.Where(s => s.Unit == unit), openLate.GetValueOrDefault(unit)))
            .ToImmutableArray();
        var total = Group("", CaseCounts.Sum(counts), sums, openLate.Values.Sum());
        var byProcedure = sums.GroupBy(s => s.Procedure).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProcessingTime(g.Key, g.Sum(s => s.Processed),
                Days(g.Sum(s => s.Minutes), g.Sum(s => s.Processed), hoursPerDay)))
            .ToImmutableArray();
        return new Decision766Figures(total, byUnit, byProcedure);
    }

    /// <summary>Average working days of <paramref name="minutes"/> over <paramref name="count"/> cases.</summary>
    private static decimal? Days(long minutes, int count, decimal hoursPerDay) =>
        count == 0 || hoursPerDay <= 0
            ? null
            : Math.Round(minutes / 60m / count / hoursPerDay, 2, MidpointRounding.AwayFromZero);

    /// <summary>A share in %, rounded half away from zero to one decimal, as people round.</summary>
    private static decimal Rate(int part, int whole) =>
        whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
