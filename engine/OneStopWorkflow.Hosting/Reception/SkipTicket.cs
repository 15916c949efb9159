using Mediator;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>Closes a ticket being called whose citizen did not come: skipped, with no case.</summary>
public sealed record SkipTicket(long TicketId) : ICommand<TicketResult>;

internal sealed class SkipTicketHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<SkipTicket, TicketResult>
{
    public async ValueTask<TicketResult> Handle(SkipTicket command, CancellationToken cancellationToken)
    {
        var (row, refused) = await QueueTickets.FindAsync(db, actors.Actor!, command.TicketId, cancellationToken);
        if ((refused ?? QueueTickets.UnlessCalled(row!, "skip")) is { } refusal)
        {
            return TicketResult.Refused(refusal);
        }

        row!.State = TicketStates.Skipped;
        row.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(row.Centre);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }
}
