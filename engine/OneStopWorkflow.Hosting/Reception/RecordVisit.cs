using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>Closes a visit: <c>advice</c> (questions only) or <c>dossier</c> with the case it produced.</summary>
public sealed record RecordVisit(long TicketId, string Visit, string? CaseId, string? Note) : ICommand<TicketResult>;

internal sealed class RecordVisitHandler(OneStopDbContext db, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<RecordVisit, TicketResult>
{
    public async ValueTask<TicketResult> Handle(RecordVisit command, CancellationToken cancellationToken)
    {
        var row = await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == command.TicketId, cancellationToken);
        if (row is null)
        {
            return TicketResult.Refused(
                Rejection.Of(RejectionCodes.NotFound, "ticket").With("ticket", command.TicketId));
        }

        if (QueueAccess.Refusal(actors.Actor!, row.Centre) is { } refused)
        {
            return TicketResult.Refused(refused);
        }

        if (command.Visit is not ("advice" or "dossier"))
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.BadVisit).On("visit"));
        }

        if (row.Visit is not null)
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.TicketClosed)
                .With("ticket", row.Number).With("visit", row.Visit));
        }

        row.Visit = command.Visit;
        row.CaseId = command.CaseId;
        row.Note = command.Note;
        row.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new TicketResult(TicketView.Of(row, row.CalledAt), null);
    }
}
