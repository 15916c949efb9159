using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>How much of a case <see cref="CaseDetailsReader"/> reads besides the case and its actions.</summary>
internal enum CaseDetailsDepth
{
    ActionsOnly,
    WithTrailAndDocuments,
}

/// <summary>
/// Reads a case by id or dossier code for a caller who may read it, with what the caller may do now; a case the
/// caller may not read answers as an unknown one, so nothing tells where it is.
/// </summary>
internal sealed class CaseDetailsReader(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
{
    public async Task<CaseDetailsResult> ReadAsync(
        string key, CaseDetailsDepth depth, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var store = new CaseStore(db);
        IReadOnlyList<EventRow>? trailRows = null;
        StoredCase? stored;
        if (depth == CaseDetailsDepth.WithTrailAndDocuments)
        {
            // The trail is shown: its rows are read once, folded into the case and shown.
            var found = await store.FindWithTrailAsync(key, cancellationToken);
            (stored, trailRows) = found is { } f ? (f.Case, f.Trail) : (null, null);
        }
        else
        {
            stored = await store.FindAsync(key, cancellationToken)
                ?? await store.FindByDossierCodeAsync(key, cancellationToken);
        }

        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        if (stored is null || !CaseAccess.CanRead(actor, stored.State, version!.Units))
        {
            return CaseDetailsResult.Refused(CaseAccess.NotFound(key));
        }

        var context = version.At(time.GetUtcNow());
        var mayAct = CaseAccess.CanAct(actor) is null;
        var actions = mayAct ? Workflow.AvailableActions(context, stored.State, actor) : [];
        var offers = mayAct ? Workflow.Offers(context, stored.State, actor) : CaseOffers.None;
        var (trail, documents) = depth == CaseDetailsDepth.WithTrailAndDocuments
            ? (Trail(stored, trailRows!, version),
                await DocumentsAsync(stored.Row.Id, version, cancellationToken))
            : ([], []);
        var ticket = depth == CaseDetailsDepth.WithTrailAndDocuments
            ? await db.QueueTickets.AsNoTracking().Where(t => t.CaseId == stored.Row.Id)
                .Select(t => new CaseTicket(t.Number, t.Counter)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CaseDetailsResult(
            new CaseDetails(CaseView.Of(stored.State, version, context.Now), trail, documents, actions)
            {
                Offers = offers,
                Ticket = ticket,
            }, null);
    }

    /// <summary>The trail rows as read, each with the person named in its event (already read by the store).</summary>
    private static ImmutableArray<TrailEntry> Trail(
        StoredCase stored, IReadOnlyList<EventRow> rows, LoadedVersion version) =>
        // An event saved since the store read the case (a clerk acting meanwhile) is read from its row.
        [.. rows.Select((e, i) => TrailEntry.Of(
            e, i < stored.Events.Length ? stored.Events[i] : EventSerializer.Deserialize(e.Type, e.Payload),
            stored.State, version))];

    /// <summary>The case's documents without their content, which is fetched one at a time when opened.</summary>
    private async Task<ImmutableArray<DocumentSummary>> DocumentsAsync(
        string id, LoadedVersion version, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => d.CaseId == id)
            .OrderBy(d => d.EventSequence).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.EventSequence, d.Document, d.Form, d.IssuedAt, d.Sha256 })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DocumentSummary(
            d.Id, d.EventSequence, d.Document, d.Form, version.Calendar.ToLocal(d.IssuedAt), d.Sha256)
        {
            Title = version.Procedure.Documents.FirstOrDefault(x => x.Id == d.Document)?.Title,
        })];
    }
}
