using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Testing;

/// <summary>The real calendar, units and shared templates of procedures/, loaded once for the tests.</summary>
public static class Catalog
{
    private static readonly Lazy<WorkingCalendar> LazyCalendar = new(() =>
    {
        var (calendar, diagnostics) = CalendarLoader.Load(
            File.ReadAllText(Repository.PathOf("procedures", "calendars", "vn.json")), "procedures/calendars/vn.json");
        return calendar ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    });

    private static readonly Lazy<UnitDirectory> LazyUnits = new(() =>
    {
        var (units, diagnostics) = UnitDirectoryLoader.Load(
            File.ReadAllText(Repository.PathOf("procedures", "units", "hai-phong.json")),
            "procedures/units/hai-phong.json");
        return units ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    });

    public static WorkingCalendar Calendar => LazyCalendar.Value;

    public static UnitDirectory Units => LazyUnits.Value;

    /// <summary>A catalog context on a fixed day, so that no test depends on the machine's clock.</summary>
    public static CatalogContext Context(DateOnly today) => new()
    {
        Units = Units,
        Calendars = ImmutableDictionary<string, WorkingCalendar>.Empty.Add("vn", Calendar),
        SharedTemplates = Directory.EnumerateFiles(Repository.PathOf("procedures", "templates"))
            .ToImmutableDictionary(f => Path.GetFileName(f), File.ReadAllText),
        Today = today,
    };

    public static ProcedureSource ReadVersion(string folder, string logicalPath)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "procedure.json" || Path.GetDirectoryName(f) != folder)
            .ToImmutableDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
        return new ProcedureSource(logicalPath, File.ReadAllText(Path.Combine(folder, "procedure.json")), files);
    }

    /// <summary>A shipped sample scenario, which must read without a diagnostic.</summary>
    public static Scenario ReadScenario(string file)
    {
        var logicalPath = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
        var parsed = ScenarioRunner.Parse(File.ReadAllText(file), logicalPath);
        return parsed.Diagnostics.IsEmpty && parsed.Scenario is { } scenario
            ? scenario
            : throw new InvalidOperationException(string.Join("\n", parsed.Diagnostics));
    }
}
