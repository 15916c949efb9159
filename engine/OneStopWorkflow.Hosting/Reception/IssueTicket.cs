using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// A citizen takes a number at the centre (the kiosk, or the clerk for them): the next of the centre's day, waiting
/// to be called. Numbering starts at 1 each day.
/// </summary>
public sealed record IssueTicket(string Centre) : ICommand<TicketResult>;

internal sealed class IssueTicketHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<IssueTicket, TicketResult>
{
    public async ValueTask<TicketResult> Handle(IssueTicket command, CancellationToken cancellationToken)
    {
        if (QueueAccess.Refusal(actors.Actor!, command.Centre) is { } refused)
        {
            return TicketResult.Refused(refused);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        if (context.Units.Find(command.Centre) is null)
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.UnknownUnit).On("centre")
                .With("unit", CaseAccess.Quote(command.Centre)));
        }

        var calendar = context.CalendarOf(command.Centre);
        var (now, day) = QueueTickets.Today(calendar, time);
        var number = await DossierSequences.NextAsync(db, "queue:" + command.Centre, day, 1, cancellationToken);
        var row = new QueueTicketRow
        {
            Centre = command.Centre, Day = day, Number = number, IssuedAt = now, State = TicketStates.Waiting,
        };
        db.QueueTickets.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }
}
