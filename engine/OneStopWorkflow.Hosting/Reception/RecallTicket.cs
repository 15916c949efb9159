using Mediator;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>Calls a ticket being called once more (the citizen did not come yet): announced again.</summary>
public sealed record RecallTicket(long TicketId) : ICommand<TicketResult>;

internal sealed class RecallTicketHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<RecallTicket, TicketResult>
{
    public async ValueTask<TicketResult> Handle(RecallTicket command, CancellationToken cancellationToken)
    {
        var (row, refused) = await QueueTickets.FindAsync(db, actors.Actor!, command.TicketId, cancellationToken);
        if ((refused ?? QueueTickets.UnlessCalled(row!, "recall")) is { } refusal)
        {
            return TicketResult.Refused(refusal);
        }

        row!.Recalls++;
        row.RecalledAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(row.Centre);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }
}
