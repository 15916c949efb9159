using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>A called queue ticket: the centre's number of the day, who called it, and what the visit became.</summary>
public sealed record TicketView(long Id, string Centre, int Number, DateTimeOffset CalledAt, string CalledBy, string? Visit, string? CaseId);

public sealed record TicketResult(TicketView? Ticket, Rejection? Rejection) : IRefusable<TicketResult>
{
    public static TicketResult Refused(Rejection rejection) => new(null, rejection);
}

/// <summary>A clerk calls the next number of the centre's queue today (numbering starts at 1 each day).</summary>
public sealed record CallNextTicket(string Centre) : ICommand<TicketResult>;

/// <summary>Closes a visit: <c>advice</c> (questions only) or <c>dossier</c> with the case it produced.</summary>
public sealed record RecordVisit(long TicketId, string Visit, string? CaseId, string? Note) : ICommand<TicketResult>;

internal sealed class ReceptionHandlers(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : ICommandHandler<CallNextTicket, TicketResult>, ICommandHandler<RecordVisit, TicketResult>
{
    public async ValueTask<TicketResult> Handle(CallNextTicket command, CancellationToken cancellationToken)
    {
        if (Refusal(command.Centre) is { } refused)
        {
            return new TicketResult(null, refused);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var calendar = context.CalendarOf(command.Centre);
        var now = calendar.ToLocal(time.GetUtcNow());
        var day = now.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var number = await DossierSequences.NextAsync(db, "queue:" + command.Centre, day, 1, cancellationToken);
        var row = new QueueTicketRow
        {
            Centre = command.Centre, Day = day, Number = number, CalledAt = now, CalledBy = actors.Actor!.User,
        };
        db.QueueTickets.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new TicketResult(View(row, calendar.ToLocal), null);
    }

    public async ValueTask<TicketResult> Handle(RecordVisit command, CancellationToken cancellationToken)
    {
        var row = await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == command.TicketId, cancellationToken);
        if (row is null)
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.NotFound, "ticket").With("ticket", command.TicketId));
        }

        if (Refusal(row.Centre) is { } refused)
        {
            return new TicketResult(null, refused);
        }

        if (command.Visit is not ("advice" or "dossier"))
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.BadVisit).On("visit"));
        }

        if (row.Visit is not null)
        {
            return TicketResult.Refused(Rejection.Of(RejectionCodes.TicketClosed).With("ticket", row.Number).With("visit", row.Visit));
        }

        row.Visit = command.Visit;
        row.CaseId = command.CaseId;
        row.Note = command.Note;
        row.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new TicketResult(View(row, t => t), null);
    }

    private Rejection? Refusal(string centre) =>
        actors.Actor is { } actor && (actor.Holds(centre, Roles.Clerk) || actor.Holds(centre, Roles.Leader)) ? null
        : Rejection.Of(RejectionCodes.Forbidden, "queue").With("centre", CaseAccess.Quote(centre))
            .With("actor", Authorization.Describe(actors.Actor!));

    private static TicketView View(QueueTicketRow row, Func<DateTimeOffset, DateTimeOffset> local) =>
        new(row.Id, row.Centre, row.Number, local(row.CalledAt), row.CalledBy, row.Visit, row.CaseId);
}
