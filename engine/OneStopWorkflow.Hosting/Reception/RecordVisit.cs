using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// Serves a ticket being called: <c>advice</c> (questions only, with a note) or <c>dossier</c> with the case received
/// for it at the centre, which links the ticket to the case.
/// </summary>
public sealed record RecordVisit(long TicketId, string Visit, string? CaseId, string? Note) : ICommand<TicketResult>;

internal sealed class RecordVisitHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<RecordVisit, TicketResult>
{
    public async ValueTask<TicketResult> Handle(RecordVisit command, CancellationToken cancellationToken)
    {
        var (row, refused) = await QueueTickets.FindAsync(db, actors.Actor!, command.TicketId, cancellationToken);
        if (refused is not null)
        {
            return TicketResult.Refused(refused);
        }

        if (command.Visit is not ("advice" or "dossier"))
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.BadVisit).On("visit"));
        }

        if (QueueTickets.UnlessCalled(row!, "visit") is { } notCalled)
        {
            return TicketResult.Refused(notCalled);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        if (command.Visit == "dossier" && !await ReceivedAtAsync(command.CaseId, row!.Centre, cancellationToken))
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.NotFound, "visit-case").On("caseId")
                .With("case", CaseAccess.Quote(command.CaseId ?? "")).With("ticket", QueueTickets.Number(row.Number))
                .With("centre", QueueTickets.CentreName(context, row.Centre)));
        }

        row!.State = TicketStates.Served;
        row.Visit = command.Visit;
        row.CaseId = command.Visit == "dossier" ? command.CaseId : null;
        row.Note = command.Note;
        row.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var calendar = context.CalendarOf(row.Centre);
        return new TicketResult(await TicketReader.ReadOneAsync(db, calendar, row, cancellationToken), null);
    }

    private async Task<bool> ReceivedAtAsync(string? caseId, string centre, CancellationToken cancellationToken) =>
        caseId is not null
        && await db.Cases.AnyAsync(c => c.Id == caseId && c.ReceivingUnit == centre, cancellationToken);
}
