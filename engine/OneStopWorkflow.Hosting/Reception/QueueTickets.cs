using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>What the queue requests share: the centre's day, a ticket found for its clerks, refusals.</summary>
internal static class QueueTickets
{
    /// <summary>The centre's local time now and its day as tickets are numbered (<c>yyMMdd</c>).</summary>
    public static (DateTimeOffset Now, string Day) Today(WorkingCalendar calendar, TimeProvider time)
    {
        var now = calendar.ToLocal(time.GetUtcNow());
        return (now, now.ToString("yyMMdd", CultureInfo.InvariantCulture));
    }

    /// <summary>A ticket of a centre <paramref name="actor"/> works the queue of, or why not.</summary>
    public static async Task<(QueueTicketRow? Row, Rejection? Refused)> FindAsync(
        OneStopDbContext db, Actor actor, long id, CancellationToken cancellationToken)
    {
        var row = await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (row is null)
        {
            return (null, Rejection.Of(RejectionCodes.NotFound, "ticket").With("ticket", id));
        }

        return QueueAccess.Refusal(actor, row.Centre) is { } refused ? (null, refused) : (row, null);
    }

    /// <summary>Refuses <paramref name="variant"/> on a ticket that is not being called.</summary>
    public static Rejection? UnlessCalled(QueueTicketRow row, string variant) =>
        row.State == TicketStates.Called
            ? null
            : Rejection.Of(RejectionCodes.TicketState, variant).With("ticket", Number(row.Number))
                .With("state", StateWords(row.State));

    /// <summary>A ticket number as the display board shows it: 001, 012, 123.</summary>
    public static string Number(int number) => number.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>A centre by its name in both languages, for refusals; its code when the directory lacks it.</summary>
    public static LocalizedText CentreName(CatalogContext context, string centre) =>
        context.Units.Find(centre)?.Name ?? new LocalizedText(centre, centre);

    private static LocalizedText StateWords(string state) => state switch
    {
        TicketStates.Waiting => new("đang chờ, chưa được gọi", "is still waiting"),
        TicketStates.Served => new("đã được phục vụ", "was already served"),
        TicketStates.Skipped => new("đã bị bỏ qua vì vắng mặt", "was skipped as absent"),
        _ => new("đang được gọi", "is being called"),
    };
}
