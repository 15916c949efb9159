using OneStopWorkflow.Engine.Refusals;
using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>One entry of a case's trail as an auditor reads it.</summary>
public sealed record TrailEntry(
    int Sequence, string Type, DateTimeOffset At, string User, string Role, string Unit, string Payload, string Hash);

/// <summary>A rendered document of a case (the content is fetched separately).</summary>
public sealed record DocumentSummary(long Id, int EventSequence, string Document, string? Form, DateTimeOffset IssuedAt, string Sha256);

/// <summary>A case with its trail, its documents and what the caller may do with it now.</summary>
public sealed record CaseDetails(
    CaseView Case, ImmutableArray<TrailEntry> Trail, ImmutableArray<DocumentSummary> Documents,
    ImmutableArray<AvailableAction> AvailableActions);

public sealed record CaseDetailsResult(CaseDetails? Details, Rejection? Rejection) : IRefusable<CaseDetailsResult>
{
    public static CaseDetailsResult Refused(Rejection rejection) => new(null, rejection);
}

/// <summary>A case by id or by dossier code, for anyone whose units handled it.</summary>
public sealed record GetCase(string CaseIdOrDossierCode) : IQuery<CaseDetailsResult>;

/// <summary>The actions the caller may take on a case now: the UI offers exactly these.</summary>
public sealed record GetAvailableActions(string CaseId) : IQuery<CaseDetailsResult>;

internal sealed class CaseQueryHandlers(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : IQueryHandler<GetCase, CaseDetailsResult>, IQueryHandler<GetAvailableActions, CaseDetailsResult>
{
    public async ValueTask<CaseDetailsResult> Handle(GetCase query, CancellationToken cancellationToken) =>
        await DetailsAsync(query.CaseIdOrDossierCode, withTrail: true, cancellationToken);

    public async ValueTask<CaseDetailsResult> Handle(GetAvailableActions query, CancellationToken cancellationToken) =>
        await DetailsAsync(query.CaseId, withTrail: false, cancellationToken);

    private async Task<CaseDetailsResult> DetailsAsync(string key, bool withTrail, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var store = new CaseStore(db);
        var stored = await store.FindAsync(key, cancellationToken) ?? await store.FindByDossierCodeAsync(key, cancellationToken);
        var version = stored is null ? null : await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        if (stored is null || !CaseAccess.CanRead(actor, stored.State, version!.Units))
        {
            // A case the caller may not read answers as an unknown one: nothing tells where it is.
            return new CaseDetailsResult(null, CaseAccess.NotFound(key));
        }

        var context = version.At(time.GetUtcNow());
        var actions = CaseAccess.CanAct(actor) is null
            ? Workflow.AvailableActions(context, stored.State, actor)
            : [];
        var trail = ImmutableArray<TrailEntry>.Empty;
        var documents = ImmutableArray<DocumentSummary>.Empty;
        if (withTrail)
        {
            var id = stored.Row.Id;
            trail = [.. (await db.Events.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
                .Select(e => new TrailEntry(e.Sequence, e.Type, version.Calendar.ToLocal(e.At), e.User, e.Role, e.Unit, e.Payload, e.Hash))];
            documents = [.. (await db.Documents.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.EventSequence).ThenBy(d => d.Id)
                    .ToListAsync(cancellationToken))
                .Select(d => new DocumentSummary(d.Id, d.EventSequence, d.Document, d.Form, version.Calendar.ToLocal(d.IssuedAt), d.Sha256))];
        }

        return new CaseDetailsResult(new CaseDetails(CaseView.Of(stored.State, version, context.Now), trail, documents, actions), null);
    }
}
