using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// What changed from stored version <see cref="From"/> of a procedure to stored version <see cref="To"/>, drafts
/// included (policy staff and admins). A version that does not load has no changes to show.
/// </summary>
public sealed record DiffVersions(string Code, int From, int To) : IQuery<VersionDiff>;

/// <summary>The changes between two versions, or why they cannot be compared.</summary>
public sealed record VersionDiff(ImmutableArray<ProcedureChange> Changes, Rejection? Rejection)
    : IRefusable<VersionDiff>
{
    public static VersionDiff Refused(Rejection rejection) => new([], rejection);
}

internal sealed class DiffVersionsHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<DiffVersions, VersionDiff>
{
    public async ValueTask<VersionDiff> Handle(DiffVersions query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return VersionDiff.Refused(VersionAccess.Forbidden);
        }

        var from = await ProcedureCatalog.FindAsync(db, query.Code, query.From, cancellationToken);
        var to = await ProcedureCatalog.FindAsync(db, query.Code, query.To, cancellationToken);
        if (from is null || to is null)
        {
            return VersionDiff.Refused(Rejection.Of(RejectionCodes.NotFound, "version")
                .With("procedure", CaseAccess.Quote(query.Code)).With("version", from is null ? query.From : query.To));
        }

        var context = await catalog.ContextAsync(cancellationToken);
        return Load(from, context) is { } before && Load(to, context) is { } after
            ? new VersionDiff(ProcedureDiff.Compare(before, after), null)
            : new VersionDiff([], null);
    }

    // Drafts are compared too, and a draft may not load: this is not the catalog's cache, which throws for those.
    private static ProcedureDefinition? Load(ProcedureVersionRow row, CatalogContext context) =>
        ProcedureLoader.Load(new ProcedureSource($"{row.Code}/v{row.Version}/procedure.json", row.CanonicalJson,
            VersionContent.Files(row.FilesJson)), context).Procedure;
}
