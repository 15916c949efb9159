using System.Globalization;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Documents;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The tracking book (form 07) of a unit for the days <see cref="From"/> to <see cref="To"/>: every case received
/// there, however many, read with one query of their trails in order. For auditors, leaders and admins of the unit
/// or above it.
/// </summary>
public sealed record GetTrackingBook(string Unit, DateOnly From, DateOnly To) : IQuery<DocumentResult>;

internal sealed class GetTrackingBookHandler(OneStopDbContext db, ProcedureCatalog catalog, AuditScope scope)
    : IQueryHandler<GetTrackingBook, DocumentResult>
{
    public async ValueTask<DocumentResult> Handle(GetTrackingBook query, CancellationToken cancellationToken)
    {
        if (await scope.RefusalAsync(query.Unit, cancellationToken) is { } refused)
        {
            return DocumentResult.Refused(refused);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var cases = new List<(CaseState, ProcedureDefinition)>();
        var units = context.Units.SelfAndBelow(query.Unit).ToList();
        await foreach (var (state, code, number) in TrailsAsync(query, units, cancellationToken))
        {
            cases.Add((state, (await catalog.VersionOfAsync(db, code, number, cancellationToken)).Procedure));
        }

        var files = DocumentTemplates.Resolve(new ProcedureSource("tracking-book", "{}", []), context);
        var model = TrackingBook.Build(
            context.Units, context.CalendarOf(query.Unit), query.Unit, query.From, query.To, cases);
        return new DocumentResult(TrackingBook.Render(files, model), null);
    }

    /// <summary>
    /// The cases received at the unit on those days, each folded from its trail; one ordered read of all.
    /// </summary>
    private async IAsyncEnumerable<(CaseState State, string Code, int Version)> TrailsAsync(
        GetTrackingBook query, List<string> units, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = (Iso(query.From), Iso(query.To));
        var rows = db.Cases.AsNoTracking()
            .Where(c => units.Contains(c.ReceivingUnit)
                && string.Compare(c.ReceivedDay, from) >= 0 && string.Compare(c.ReceivedDay, to) <= 0)
            .Join(db.Events.AsNoTracking(), c => c.Id, e => e.CaseId,
                (c, e) => new { c.Id, c.ProcedureCode, c.ProcedureVersion, e.Sequence, e.Type, e.Payload })
            .OrderBy(r => r.Id).ThenBy(r => r.Sequence)
            .AsAsyncEnumerable();
        var events = new List<CaseEvent>();
        (string Id, string Code, int Version)? current = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (current is { } open && open.Id != row.Id)
            {
                yield return (CaseState.Replay(events), open.Code, open.Version);
                events.Clear();
            }

            current = (row.Id, row.ProcedureCode, row.ProcedureVersion);
            events.Add(EventSerializer.Deserialize(row.Type, row.Payload));
        }

        if (current is { } last)
        {
            yield return (CaseState.Replay(events), last.Code, last.Version);
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
