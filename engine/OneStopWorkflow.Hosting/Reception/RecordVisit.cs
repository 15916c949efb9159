using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
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

        if (TextInput.Check(command.Note, "note", Note) is { } badNote)
        {
            return TicketResult.Refused(badNote);
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

    private static readonly LocalizedText Note = new("Ghi chú", "Note");

    /// <summary>
    /// Whether the case was received at the centre and the caller may read it: a visit never links a case its
    /// clerk could not open, and the refusal is the one for a case that does not exist.
    /// </summary>
    private async Task<bool> ReceivedAtAsync(string? caseId, string centre, CancellationToken cancellationToken)
    {
        if (caseId is null || !await db.Cases.AnyAsync(c => c.Id == caseId && c.ReceivingUnit == centre,
                cancellationToken))
        {
            return false;
        }

        var stored = await new CaseStore(db).FindAsync(caseId, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        return stored is not null && CaseAccess.CanRead(actors.Actor, stored.State, version!.Units);
    }
}
