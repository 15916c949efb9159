using System.Collections.Immutable;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The filtered units' days, oldest first: tickets called at the queue, dossiers received, results returned. The
/// filter's procedure is ignored, since a ticket has none. For auditors, leaders and admins of the unit or above.
/// </summary>
public sealed record GetDailyFigures(AuditFilter Filter) : IQuery<DailyResult>;

public sealed record DailyResult(ImmutableArray<DailyFigures> Days, Rejection? Rejection) : IRefusable<DailyResult>
{
    public static DailyResult Refused(Rejection rejection) => new([], rejection);
}

internal sealed class GetDailyFiguresHandler(OneStopDbContext db, AuditScope scope)
    : IQueryHandler<GetDailyFigures, DailyResult>
{
    /// <summary>How a queue ticket's day is written: yyMMdd, its years all in this century.</summary>
    private const string TicketDayFormat = "yyMMdd";

    private const string Resolved = nameof(Outcome.Resolved);

    private static readonly DateTimeFormatInfo TicketDays = ThisCentury();

    public async ValueTask<DailyResult> Handle(GetDailyFigures query, CancellationToken cancellationToken)
    {
        var (cases, units, refused) = await scope.CasesAsync(query.Filter with { Procedure = null }, cancellationToken);
        if (refused is not null)
        {
            return DailyResult.Refused(refused);
        }

        var (from, to) = (TicketDay(query.Filter.From), TicketDay(query.Filter.To));
        var tickets = await db.QueueTickets
            .Where(t => units.Contains(t.Centre) && string.Compare(t.Day, from) >= 0 && string.Compare(t.Day, to) <= 0)
            .GroupBy(t => t.Day)
            .Select(g => new { Day = g.Key, Count = g.Count(), Advice = g.Count(t => t.Visit == "advice") })
            .ToListAsync(cancellationToken);
        var received = await cases.GroupBy(c => c.ReceivedDay).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var (fromDay, toDay) = (Iso(query.Filter.From), Iso(query.Filter.To));
        var returned = await db.Cases
            .Where(c => units.Contains(c.ReceivingUnit) && c.Outcome == Resolved && c.FinishedDay != null
                && string.Compare(c.FinishedDay, fromDay) >= 0 && string.Compare(c.FinishedDay, toDay) <= 0)
            .GroupBy(c => c.FinishedDay!).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var ticketsByDay = tickets.ToDictionary(t => Iso(t.Day), StringComparer.Ordinal);
        var days = ticketsByDay.Keys.Concat(received.Select(r => r.Day)).Concat(returned.Select(r => r.Day))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(day => new DailyFigures(day,
                ticketsByDay.GetValueOrDefault(day)?.Count ?? 0, ticketsByDay.GetValueOrDefault(day)?.Advice ?? 0,
                received.FirstOrDefault(r => r.Day == day)?.Count ?? 0,
                returned.FirstOrDefault(r => r.Day == day)?.Count ?? 0));
        return new DailyResult([.. days], null);
    }

    private static string TicketDay(DateOnly day) => day.ToString(TicketDayFormat, TicketDays);

    private static string Iso(string ticketDay) => Iso(DateOnly.ParseExact(ticketDay, TicketDayFormat, TicketDays));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The invariant format, but a two-digit year is read as 2000 to 2099 (not 1950 to 2049).</summary>
    private static DateTimeFormatInfo ThisCentury()
    {
        var format = (DateTimeFormatInfo)DateTimeFormatInfo.InvariantInfo.Clone();
        format.Calendar.TwoDigitYearMax = 2099;
        return format;
    }
}
