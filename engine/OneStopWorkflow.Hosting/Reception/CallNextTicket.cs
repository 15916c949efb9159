using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// A clerk calls the citizen who has waited longest at the centre today to their counter; two clerks calling at once
/// get two different citizens.
/// </summary>
public sealed record CallNextTicket(string Centre, int Counter) : ICommand<TicketResult>
{
    public const int MaxCounter = 99;
}

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

        if (command.Counter is < 1 or > CallNextTicket.MaxCounter)
        {
            return TicketResult.Refused(
                Rejection.Of(RejectionCodes.BadCounter).On("counter").With("max", CallNextTicket.MaxCounter));
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var calendar = context.CalendarOf(command.Centre);
        var (now, day) = QueueTickets.Today(calendar, time);
        var id = await QueueCalls.CallNextAsync(
            db, new QueueCall(command.Centre, day, actor.User, command.Counter, now), cancellationToken);
        if (id is null)
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.QueueEmpty)
                .With("centre", QueueTickets.CentreName(context, command.Centre)));
        }

        var row = await db.QueueTickets.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }
}
