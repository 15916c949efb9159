using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Reception;

/// <summary>
/// Today's queue of a centre, every ticket in number order, for its clerks and leaders; without a centre, the first
/// the caller works at. Also lists the centres the caller works at, by name, to choose from.
/// </summary>
public sealed record ListQueueTickets(string? Centre) : IQuery<QueueResult>;

/// <summary>A centre whose queue the caller works.</summary>
public sealed record QueueCentre(string Code, LocalizedText Name);

public sealed record QueueResult(
    IReadOnlyList<QueueCentre> Centres, string Centre, IReadOnlyList<TicketView> Tickets, Rejection? Rejection)
    : IRefusable<QueueResult>
{
    public static QueueResult Refused(Rejection rejection) => new([], "", [], rejection);
}

internal sealed class ListQueueTicketsHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : IQueryHandler<ListQueueTickets, QueueResult>
{
    public async ValueTask<QueueResult> Handle(ListQueueTickets query, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var context = await catalog.ContextAsync(cancellationToken);
        var centres = actor.Memberships.Where(m => m.Role is Roles.Clerk or Roles.Leader).Select(m => m.Unit)
            .Distinct(StringComparer.Ordinal)
            .Select(unit => new QueueCentre(unit, QueueTickets.CentreName(context, unit))).ToList();
        var centre = query.Centre ?? centres.FirstOrDefault()?.Code ?? "";
        if (QueueAccess.Refusal(actor, centre) is { } refused)
        {
            return QueueResult.Refused(refused);
        }

        var calendar = context.CalendarOf(centre);
        var (_, day) = QueueTickets.Today(calendar, time);
        var rows = await db.QueueTickets.AsNoTracking().Where(t => t.Centre == centre && t.Day == day)
            .OrderBy(t => t.Number).ToListAsync(cancellationToken);
        return new QueueResult(
            centres, centre, await TicketReader.ReadAsync(db, calendar, rows, cancellationToken), null);
    }
}
