using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// The calendars, units and shared templates of the catalog folder, read once, and the stored procedure versions
/// loaded on demand and kept by hash (a hash never changes meaning, so the cache never goes stale).
/// </summary>
public sealed class ProcedureCatalog(IOptions<OneStopOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LoadResult> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Code, int Version), LoadedVersion> _pinned = new();

    private readonly Lazy<Task<(CatalogContext Context, ImmutableArray<Diagnostic> Diagnostics)>> _context = new(() =>
        new CatalogFolder(options.Value.ProceduresFolder, Environment.CurrentDirectory)
            .ReadContextAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), CancellationToken.None));

    public CatalogFolder Folder { get; } = new(options.Value.ProceduresFolder, Environment.CurrentDirectory);

    public async Task<CatalogContext> ContextAsync(CancellationToken cancellationToken) =>
        (await ContextWithDiagnosticsAsync(cancellationToken)).Context;

    /// <summary>
    /// The catalog folder's calendars, units and shared templates, read on first use, with what was wrong in them.
    /// </summary>
    public Task<(CatalogContext Context, ImmutableArray<Diagnostic> Diagnostics)> ContextWithDiagnosticsAsync(
        CancellationToken cancellationToken) => _context.Value.WaitAsync(cancellationToken);

    /// <summary>
    /// Loads a stored version; throws if it no longer loads, which would mean the catalog folder broke it.
    /// </summary>
    public async Task<LoadedVersion> LoadAsync(ProcedureVersionRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var context = await ContextAsync(cancellationToken);
        var result = _loaded.GetOrAdd(row.Sha256, _ => ProcedureLoader.Load(
            new ProcedureSource(
                $"{row.Code}/v{row.Version} (stored)", row.CanonicalJson, VersionContent.Files(row.FilesJson)),
            context));
        if (result.Procedure is not { } procedure)
        {
            throw new InvalidOperationException(
                $"Stored version {row.Code} v{row.Version} no longer loads: {string.Join("; ", result.Diagnostics)}");
        }

        var version = new LoadedVersion(procedure, row.Sha256, context.Calendars[procedure.Calendar], context.Units);
        if (row.Status != ProcedureVersionStatus.Draft)
        {
            // A published or retired version never changes again, so cases pinned to it need not read it twice.
            _pinned[(row.Code, row.Version)] = version;
        }

        return version;
    }

    /// <summary>The version a stored case is pinned to: from memory once loaded, else read and loaded.</summary>
    public Task<LoadedVersion> VersionOfAsync(
        OneStopDbContext db, Persistence.Cases.CaseRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return VersionOfAsync(db, row.ProcedureCode, row.ProcedureVersion, cancellationToken);
    }

    /// <summary>
    /// A stored version by code and number; throws when it is not in the store, which would be a bug.
    /// </summary>
    public async Task<LoadedVersion> VersionOfAsync(
        OneStopDbContext db, string code, int number, CancellationToken cancellationToken)
    {
        if (Pinned(code, number) is { } pinned)
        {
            return pinned;
        }

        var row = await FindAsync(db, code, number, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Procedure {code} v{number}, which a stored case is pinned to, is not in the store.");
        return await LoadAsync(row, cancellationToken);
    }

    /// <summary>
    /// The published version a new case of <paramref name="code"/> starts on (the newest, or the one asked for),
    /// loaded; null when there is none. Only its number is read when it is already loaded.
    /// </summary>
    public async Task<LoadedVersion?> PublishedVersionAsync(
        OneStopDbContext db, string code, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Code == code && v.Status == ProcedureVersionStatus.Published);
        var numbers = version is { } n ? published.Where(v => v.Version == n) : published;
        var number = await numbers.OrderByDescending(v => v.Version).Select(v => (int?)v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (number is not { } found)
        {
            return null;
        }

        // A version stays pinned from its publication on and never changes again.
        return Pinned(code, found) ?? await LoadPublishedAsync(db, code, version, cancellationToken);
    }

    private async Task<LoadedVersion?> LoadPublishedAsync(
        OneStopDbContext db, string code, int? version, CancellationToken cancellationToken)
    {
        var row = await PublishedAsync(db, code, version, cancellationToken);
        if (row is null)
        {
            return null;
        }

        return await LoadAsync(row, cancellationToken);
    }

    /// <summary>A published version already loaded, or null.</summary>
    public LoadedVersion? Pinned(string code, int version) => _pinned.GetValueOrDefault((code, version));

    /// <summary>
    /// The published version a new case of <paramref name="code"/> starts on: the newest, or the one asked for.
    /// </summary>
    public static Task<ProcedureVersionRow?> PublishedAsync(
        OneStopDbContext db, string code, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Code == code && v.Status == ProcedureVersionStatus.Published);
        return (version is { } n ? published.Where(v => v.Version == n) : published.OrderByDescending(v => v.Version))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static Task<ProcedureVersionRow?> FindAsync(
        OneStopDbContext db, string code, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ProcedureVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Code == code && v.Version == version, cancellationToken);
    }
}
