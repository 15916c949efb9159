using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// The one gate a procedure version passes to become runnable, whether it comes from the catalog folder or the
/// designer: it must load without errors, and a published version number never changes content.
/// </summary>
public sealed class VersionPublisher(OneStopDbContext db, ProcedureCatalog catalog, TimeProvider time)
{
    public async Task<PublishOutcome> PublishAsync(
        ProcedureSource source, string by, CancellationToken cancellationToken,
        (string Code, int Version)? expected = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = await catalog.ContextAsync(cancellationToken);
        var loaded = ProcedureLoader.Load(source, context);
        if (loaded.Procedure is not { } procedure || loaded.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            var errors = loaded.Diagnostics.Count(d => d.Severity == Severity.Error);
            return new PublishOutcome(
                source.Path, loaded.Procedure?.Code.Value, loaded.Procedure?.Version, PublishStatus.Refused,
                loaded.Diagnostics,
                $"refused: {errors} error(s); fix them and publish again.\n"
                + $"{string.Join("\n", loaded.Diagnostics)}");
        }

        var code = procedure.Code.Value;
        if (expected is { } e && (e.Code != code || e.Version != procedure.Version))
        {
            return new PublishOutcome(source.Path, code, procedure.Version, PublishStatus.Refused, loaded.Diagnostics,
                $"refused: the draft is saved as {e.Code} v{e.Version} but its procedure.json says "
                + $"{code} v{procedure.Version}; make them agree.");
        }

        var files = RuntimeFiles(source, context);
        var sha = VersionContent.Sha256(loaded.CanonicalJson!, files);
        var row = await db.ProcedureVersions.FirstOrDefaultAsync(
            v => v.Code == code && v.Version == procedure.Version, cancellationToken);
        if (row is not null && row.Status != ProcedureVersionStatus.Draft)
        {
            // A published version keeps the shared forms it was published with: compare against those copies.
            return row.Sha256 == sha
                || row.Sha256 == VersionContent.Sha256(
                    loaded.CanonicalJson!, WithStoredSharedForms(source, row, context))
                ? new PublishOutcome(source.Path, code, procedure.Version, PublishStatus.Unchanged, loaded.Diagnostics,
                    $"{code} v{procedure.Version} is already published with this content.")
                : new PublishOutcome(source.Path, code, procedure.Version, PublishStatus.Refused, loaded.Diagnostics,
                    $"refused: {code} v{procedure.Version} is already published with other content "
                    + $"(stored {row.Sha256[..12]}, here {sha[..12]}). A published version never changes; "
                    + $"save this as v{procedure.Version + 1} and publish that.");
        }

        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new ProcedureVersionRow { Code = code, Version = procedure.Version, CreatedAt = now, CreatedBy = by };
            db.ProcedureVersions.Add(row);
        }

        row.Title = procedure.Title.Vi;
        row.Status = ProcedureVersionStatus.Published;
        row.CanonicalJson = loaded.CanonicalJson!;
        row.FilesJson = VersionContent.FilesJson(files);
        row.Sha256 = sha;
        row.Source = source.Path;
        row.PublishedAt = now;
        row.PublishedBy = by;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node imported or published the same version at the same moment; its row stands.
            db.ChangeTracker.Clear();
            return new PublishOutcome(source.Path, code, procedure.Version, PublishStatus.Unchanged, loaded.Diagnostics,
                $"{code} v{procedure.Version} was published by someone else at the same moment; theirs stands.");
        }
        return new PublishOutcome(source.Path, code, procedure.Version, PublishStatus.Published, loaded.Diagnostics,
            $"{code} v{procedure.Version} published ({sha[..12]}).");
    }

    /// <summary>
    /// What a published version keeps: its own templates and a copy of every shared form, so its paperwork can never
    /// change after publishing (a change to a shared form reaches a procedure with its next version). Samples and
    /// their golden files stay in the catalog folder.
    /// </summary>
    private static Dictionary<string, string> RuntimeFiles(ProcedureSource source, CatalogContext context)
    {
        var files = context.SharedTemplates.ToDictionary(
            t => "templates/" + t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var (path, text) in source.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal)))
        {
            files[path] = text;
        }

        return files;
    }

    /// <summary>
    /// The version's current own templates with the copies of the shared forms stored when it was published.
    /// </summary>
    private static Dictionary<string, string> WithStoredSharedForms(
        ProcedureSource source, ProcedureVersionRow row, CatalogContext context)
    {
        var files = VersionContent.Files(row.FilesJson)
            .Where(f => context.SharedTemplates.ContainsKey(f.Key["templates/".Length..])
                && !source.Files.ContainsKey(f.Key))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (path, text) in source.Files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal)))
        {
            files[path] = text;
        }

        return files;
    }

    /// <summary>
    /// Keeps work in progress, errors and all, so nothing typed in the designer is lost; the text is stored as given
    /// and checked again when published.
    /// </summary>
    public async Task<PublishOutcome> SaveDraftAsync(
        string code, int version, ProcedureSource source, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var loaded = ProcedureLoader.Load(source, await catalog.ContextAsync(cancellationToken));
        var row = await db.ProcedureVersions.FirstOrDefaultAsync(
            v => v.Code == code && v.Version == version, cancellationToken);
        if (row is not null && row.Status != ProcedureVersionStatus.Draft)
        {
            return new PublishOutcome(source.Path, code, version, PublishStatus.Refused, loaded.Diagnostics,
                $"refused: {code} v{version} is {row.Status.ToString().ToLowerInvariant()} and can no longer change; "
                + "save a new version.");
        }

        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new ProcedureVersionRow { Code = code, Version = version, CreatedAt = now, CreatedBy = by };
            db.ProcedureVersions.Add(row);
        }

        row.Title = loaded.Procedure?.Title.Vi ?? row.Title ?? code;
        row.Status = ProcedureVersionStatus.Draft;
        row.CanonicalJson = source.Json;
        row.FilesJson = VersionContent.FilesJson(source.Files);
        row.Sha256 = VersionContent.Sha256(source.Json, source.Files);
        row.Source = source.Path;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new PublishOutcome(source.Path, code, version, PublishStatus.Refused, loaded.Diagnostics,
                $"refused: {code} v{version} changed meanwhile (it may have been published); "
                + "reload it and save again.");
        }

        var errors = loaded.Diagnostics.Count(d => d.Severity == Severity.Error);
        return new PublishOutcome(source.Path, code, version, PublishStatus.Drafted, loaded.Diagnostics,
            errors == 0 ? $"{code} v{version} saved as a draft; it is ready to publish."
                : $"{code} v{version} saved as a draft with {errors} error(s) to fix before publishing.");
    }
}
