using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// A stored version to open in the designer: its JSON text, its own files and what the checks say now.
/// </summary>
public sealed record ProcedureVersionDocument(
    string Code, int Version, string Status, string Json, ImmutableDictionary<string, string> Files,
    ImmutableArray<Diagnostic> Diagnostics, string? PublishedBy, DateTimeOffset? PublishedAt);

/// <summary>Opens a stored version (policy staff and admins).</summary>
public sealed record GetProcedureVersion(string Code, int Version) : IQuery<ProcedureVersionResult>;

/// <summary>The version to open, or why it cannot be opened.</summary>
public sealed record ProcedureVersionResult(ProcedureVersionDocument? Document, Rejection? Rejection)
    : IRefusable<ProcedureVersionResult>
{
    public static ProcedureVersionResult Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class GetProcedureVersionHandler(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetProcedureVersion, ProcedureVersionResult>
{
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask<ProcedureVersionResult> Handle(
        GetProcedureVersion query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return ProcedureVersionResult.Refused(VersionAccess.Forbidden);
        }

        var row = await ProcedureCatalog.FindAsync(db, query.Code, query.Version, cancellationToken);
        if (row is null)
        {
            return ProcedureVersionResult.Refused(Rejection.Of(RejectionCodes.NotFound, "version")
                .With("procedure", CaseAccess.Quote(query.Code)).With("version", query.Version));
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var files = VersionContent.Files(row.FilesJson);
        var json = row.Status == ProcedureVersionStatus.Draft ? row.CanonicalJson : Indent(row.CanonicalJson);
        var loaded = ProcedureLoader.Load(
            new ProcedureSource($"{row.Code}/v{row.Version}/procedure.json", json, files), context);

        // The copies of shared forms pinned at publishing are not the version's own templates.
        var own = files.Where(f => !f.Key.StartsWith("templates/", StringComparison.Ordinal)
                || !context.SharedTemplates.TryGetValue(f.Key["templates/".Length..], out var shared)
                || shared != f.Value)
            .ToImmutableDictionary(StringComparer.Ordinal);
        return new ProcedureVersionResult(new ProcedureVersionDocument(row.Code, row.Version,
            row.Status.ToString().ToLowerInvariant(), json, own, loaded.Diagnostics, row.PublishedBy,
            row.PublishedAt), null);
    }

    private static string Indent(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented);
}
