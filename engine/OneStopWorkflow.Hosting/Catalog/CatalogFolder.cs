using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Reads a procedure catalog folder (calendars/, units/, templates/, &lt;code&gt;/v&lt;N&gt;/) from disk and
/// hands its content to the engine. File paths in diagnostics are relative to <paramref name="displayBase"/>.
/// </summary>
public sealed class CatalogFolder(string root, string displayBase)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The catalog root at or above a folder: the first one holding a calendars/ folder.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "calendars")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public string Display(string file) => Path.GetRelativePath(displayBase, file).Replace('\\', '/');

    public async Task<(CatalogContext Context, ImmutableArray<Diagnostic> Diagnostics)> ReadContextAsync(
        DateOnly? today, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var calendars = ImmutableDictionary.CreateBuilder<string, WorkingCalendar>();
        foreach (var file in Files("calendars", "*.json"))
        {
            var (calendar, found) =
                CalendarLoader.Load(await File.ReadAllTextAsync(file, cancellationToken), Display(file));
            diagnostics.AddRange(found);
            if (calendar is not null)
            {
                calendars[calendar.Name] = calendar;
            }
        }

        var units = new List<UnitDefinition>();
        var roles = new List<RoleDefinition>();
        foreach (var file in Files("units", "*.json"))
        {
            var (directory, found) =
                UnitDirectoryLoader.Load(await File.ReadAllTextAsync(file, cancellationToken), Display(file));
            diagnostics.AddRange(found);
            units.AddRange(directory?.Units ?? []);
            roles.AddRange(directory?.Roles.Values ?? []);
        }

        var templates = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var file in Files("templates", "*.*"))
        {
            templates[Path.GetFileName(file)] = await File.ReadAllTextAsync(file, cancellationToken);
        }

        var context = new CatalogContext
        {
            Units = new UnitDirectory(units.DistinctBy(u => u.Code), roles.DistinctBy(r => r.Code)),
            Calendars = calendars.ToImmutable(),
            SharedTemplates = templates.ToImmutable(),
            SharedTemplatesFolder = Display(Path.Combine(Root, "templates")) + "/",
            Today = today,
        };
        return (context, [.. diagnostics]);
    }

    /// <summary>Every version folder (holding a procedure.json) at or below <paramref name="folder"/>.</summary>
    public static IEnumerable<string> VersionFolders(string folder) =>
        Directory.EnumerateFiles(folder, "procedure.json", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Order(StringComparer.Ordinal);

    public async Task<ProcedureSource> ReadVersionAsync(string versionFolder, CancellationToken cancellationToken)
    {
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(versionFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(versionFolder, file).Replace('\\', '/');
            if (relative != "procedure.json")
            {
                files[relative] = await File.ReadAllTextAsync(file, cancellationToken);
            }
        }

        var path = Path.Combine(versionFolder, "procedure.json");
        return new ProcedureSource(
            Display(path), await File.ReadAllTextAsync(path, cancellationToken), files.ToImmutable());
    }

    private IEnumerable<string> Files(string folder, string pattern)
    {
        var path = Path.Combine(Root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal)
            : [];
    }
}
