using Mediator;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>One ticket, for the receive form that serves it; for the clerks and leaders of its centre.</summary>
public sealed record GetTicket(long TicketId) : IQuery<TicketResult>;

internal sealed class GetTicketHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetTicket, TicketResult>
{
    public async ValueTask<TicketResult> Handle(GetTicket query, CancellationToken cancellationToken)
    {
        var (row, refused) = await QueueTickets.FindAsync(db, actors.Actor!, query.TicketId, cancellationToken);
        if (refused is not null)
        {
            return TicketResult.Refused(refused);
        }

        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(row!.Centre);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }
}
