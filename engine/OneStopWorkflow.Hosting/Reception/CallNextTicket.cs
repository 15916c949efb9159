using System.Globalization;
using Mediator;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>A clerk calls the next number of the centre's queue today (numbering starts at 1 each day).</summary>
public sealed record CallNextTicket(string Centre) : ICommand<TicketResult>;

internal sealed class CallNextTicketHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<CallNextTicket, TicketResult>
{
    public async ValueTask<TicketResult> Handle(CallNextTicket command, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (QueueAccess.Refusal(actor, command.Centre) is { } refused)
        {
            return TicketResult.Refused(refused);
        }

        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(command.Centre);
        var now = calendar.ToLocal(time.GetUtcNow());
        var day = now.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var number = await DossierSequences.NextAsync(db, "queue:" + command.Centre, day, 1, cancellationToken);
        var row = new QueueTicketRow
        {
            Centre = command.Centre, Day = day, Number = number, CalledAt = now, CalledBy = actor.User,
        };
        db.QueueTickets.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new TicketResult(TicketView.Of(row, calendar.ToLocal(row.CalledAt)), null);
    }
}
