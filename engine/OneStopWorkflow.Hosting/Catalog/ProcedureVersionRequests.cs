using OneStopWorkflow.Engine.Units;
using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>A procedure version as listed to users.</summary>
public sealed record ProcedureVersionSummary(
    string Code, int Version, string Title, string Status, string Sha256, DateTimeOffset? PublishedAt, string? PublishedBy);

/// <summary>Every stored version, newest first per procedure; any signed-in user may list them.</summary>
public sealed record ListProcedureVersions : IQuery<ProcedureVersionList>;

/// <summary>The stored versions, or why the caller may not list them.</summary>
public sealed record ProcedureVersionList(ImmutableArray<ProcedureVersionSummary> Versions, Rejection? Rejection)
    : IRefusable<ProcedureVersionList>
{
    public static ProcedureVersionList Refused(Rejection rejection) => new([], rejection);
}

/// <summary>Saves designer work as a draft version (policy staff and admins).</summary>
public sealed record SaveProcedureDraft(string Code, int Version, string Json, ImmutableDictionary<string, string> Files)
    : ICommand<PublishOutcome>;

/// <summary>Publishes a draft after the same checks as the catalog import (policy staff and admins).</summary>
public sealed record PublishProcedureVersion(string Code, int Version) : ICommand<PublishOutcome>;

internal sealed class ProcedureVersionHandlers(OneStopDbContext db, VersionPublisher publisher, ActorAccessor actors)
    : IQueryHandler<ListProcedureVersions, ProcedureVersionList>,
      ICommandHandler<SaveProcedureDraft, PublishOutcome>,
      ICommandHandler<PublishProcedureVersion, PublishOutcome>
{
    public async ValueTask<ProcedureVersionList> Handle(ListProcedureVersions query, CancellationToken cancellationToken)
    {
        var rows = await db.ProcedureVersions.AsNoTracking().OrderBy(v => v.Code).ThenByDescending(v => v.Version)
            .Select(v => new { v.Code, v.Version, v.Title, v.Status, v.Sha256, v.PublishedAt, v.PublishedBy })
            .ToListAsync(cancellationToken);
        return new ProcedureVersionList([.. rows.Select(v => new ProcedureVersionSummary(
            v.Code, v.Version, v.Title, v.Status.ToString().ToLowerInvariant(), v.Sha256, v.PublishedAt, v.PublishedBy))], null);
    }

    public async ValueTask<PublishOutcome> Handle(SaveProcedureDraft command, CancellationToken cancellationToken)
    {
        var path = $"{command.Code}/v{command.Version}/procedure.json";
        return Refusal(path, command.Code, command.Version)
            ?? await publisher.SaveDraftAsync(command.Code, command.Version,
                new ProcedureSource(path, command.Json, command.Files), actors.Actor!.User, cancellationToken);
    }

    public async ValueTask<PublishOutcome> Handle(PublishProcedureVersion command, CancellationToken cancellationToken)
    {
        var path = $"{command.Code}/v{command.Version}/procedure.json";
        if (Refusal(path, command.Code, command.Version) is { } refused)
        {
            return refused;
        }

        var row = await ProcedureCatalog.FindAsync(db, command.Code, command.Version, cancellationToken);
        if (row is null || row.Status != ProcedureVersionStatus.Draft)
        {
            return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Refused, [],
                row is null ? $"refused: there is no draft {command.Code} v{command.Version}; save one first."
                    : $"refused: {command.Code} v{command.Version} is already {row.Status.ToString().ToLowerInvariant()}.");
        }

        return await publisher.PublishAsync(new ProcedureSource(path, row.CanonicalJson, VersionContent.Files(row.FilesJson)),
            actors.Actor!.User, cancellationToken, (command.Code, command.Version));
    }

    private PublishOutcome? Refusal(string path, string code, int version)
    {
        var actor = actors.Actor!;
        return actor.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin)
            ? null
            : new PublishOutcome(path, code, version, PublishStatus.Refused, ImmutableArray<Diagnostic>.Empty,
                $"refused: only policy staff or admins change procedures; {actor.User} is neither.");
    }
}

/// <summary>A stored version to open in the designer: its JSON text, its own files and what the checks say now.</summary>
public sealed record ProcedureVersionDocument(
    string Code, int Version, string Status, string Json, ImmutableDictionary<string, string> Files,
    ImmutableArray<Diagnostic> Diagnostics, string? PublishedBy, DateTimeOffset? PublishedAt);

/// <summary>Opens a stored version (policy staff and admins).</summary>
public sealed record GetProcedureVersion(string Code, int Version) : IQuery<ProcedureVersionDocument?>;

/// <summary>Retires a published version: new cases no longer start on it; running cases keep it.</summary>
public sealed record RetireProcedureVersion(string Code, int Version) : ICommand<PublishOutcome>;

internal sealed class ProcedureVersionDocumentHandlers(OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetProcedureVersion, ProcedureVersionDocument?>, ICommandHandler<RetireProcedureVersion, PublishOutcome>
{
    public async ValueTask<ProcedureVersionDocument?> Handle(GetProcedureVersion query, CancellationToken cancellationToken)
    {
        if (actors.Actor?.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin) != true)
        {
            return null;
        }

        var row = await ProcedureCatalog.FindAsync(db, query.Code, query.Version, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var files = VersionContent.Files(row.FilesJson);
        var json = row.Status == ProcedureVersionStatus.Draft ? row.CanonicalJson : Indent(row.CanonicalJson);
        var loaded = ProcedureLoader.Load(new ProcedureSource($"{row.Code}/v{row.Version}/procedure.json", json, files), context);

        // The copies of shared forms pinned at publishing are not the version's own templates.
        var own = files.Where(f => !f.Key.StartsWith("templates/", StringComparison.Ordinal)
                || !context.SharedTemplates.TryGetValue(f.Key["templates/".Length..], out var shared) || shared != f.Value)
            .ToImmutableDictionary(StringComparer.Ordinal);
        return new ProcedureVersionDocument(row.Code, row.Version, row.Status.ToString().ToLowerInvariant(), json, own,
            loaded.Diagnostics, row.PublishedBy, row.PublishedAt);
    }

    public async ValueTask<PublishOutcome> Handle(RetireProcedureVersion command, CancellationToken cancellationToken)
    {
        var path = $"{command.Code}/v{command.Version}/procedure.json";
        if (actors.Actor?.Memberships.Any(m => m.Role is Roles.Policy or Roles.Admin) != true)
        {
            return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Refused, [],
                "refused: only policy staff or admins retire procedure versions.");
        }

        var row = await db.ProcedureVersions.FirstOrDefaultAsync(v => v.Code == command.Code && v.Version == command.Version, cancellationToken);
        if (row is not { Status: ProcedureVersionStatus.Published })
        {
            return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Refused, [],
                $"refused: {command.Code} v{command.Version} is not a published version.");
        }

        row.Status = ProcedureVersionStatus.Retired;
        await db.SaveChangesAsync(cancellationToken);
        return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Unchanged, [],
            $"{command.Code} v{command.Version} retired: new cases no longer start on it; running cases keep it.");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Indent(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Indented);
}
