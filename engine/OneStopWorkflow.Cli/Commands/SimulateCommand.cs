using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Clock;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Simulation;
using OneStopWorkflow.Hosting.Startup;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop simulate &lt;version dir&gt; &lt;scenario.json&gt; [--store]</c>: runs a scenario in memory, or with
/// <c>--store</c> through the application layer into the configured database, and prints the same report.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var version = new Argument<DirectoryInfo>("version")
        {
            Description = "A version folder, e.g. procedures/land-use-transfer/v1.",
        };
        var scenario = new Argument<FileInfo>("scenario")
        {
            Description = "The scenario file (see procedures/README.md).",
        };
        var store = new Option<bool>("--store")
        {
            Description = "Run through the application layer into the configured database (Storage__Provider, "
                + "ConnectionStrings__OneStop; default a SQLite file onestop.db), creating and migrating it if new.",
        };
        var command = new Command("simulate", "Run a scenario through the engine and print the result as JSON.")
        {
            version, scenario, store,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(version)!, result.GetValue(scenario)!, result.GetValue(store), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        DirectoryInfo version, FileInfo scenarioFile, bool store, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(version.FullName, "procedure.json")) || !scenarioFile.Exists)
        {
            await Console.Error.WriteLineAsync(
                $"error: '{version}' holds no procedure.json or '{scenarioFile}' does not exist.");
            return 2;
        }

        var root = CatalogFolder.FindRoot(version.FullName) ?? version.FullName;
        var catalog = new CatalogFolder(root, Environment.CurrentDirectory);
        var (context, _) = await catalog.ReadContextAsync(null, cancellationToken);
        var loaded = ProcedureLoader.Load(await catalog.ReadVersionAsync(version.FullName, cancellationToken), context);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            await Console.Error.WriteLineAsync(diagnostic.ToString());
        }

        if (loaded.Procedure is not { } procedure)
        {
            return 1;
        }

        var json = await File.ReadAllTextAsync(scenarioFile.FullName, cancellationToken);
        var parsed = ScenarioRunner.Parse(json, catalog.Display(scenarioFile.FullName));
        foreach (var diagnostic in parsed.Diagnostics)
        {
            await Console.Error.WriteLineAsync(diagnostic.ToString());
        }

        if (parsed.Scenario is not { } scenario)
        {
            return 1;
        }

        if (store)
        {
            return await RunStoredAsync(root, procedure, scenario, cancellationToken);
        }

        var decision = new DecisionContext(
            procedure, loaded.Sha256!, context.Calendars[procedure.Calendar], context.Units, DateTimeOffset.UnixEpoch);
        Console.Write(ScenarioRunner.Run(decision, scenario));
        return 0;
    }

    private static async Task<int> RunStoredAsync(
        string root, ProcedureDefinition procedure, Scenario scenario, CancellationToken cancellationToken)
    {
        var clock = new ScenarioClock { Now = scenario.Steps[0].At };
        using var host = StoreHost.Build(root, clock);
        var outcomes = await host.Services.GetRequiredService<OneStopInitializer>().InitializeAsync(cancellationToken);
        var mine = outcomes.FirstOrDefault(o => o.Code == procedure.Code.Value && o.Version == procedure.Version);
        if (mine is null || mine.IsRefused)
        {
            await Console.Error.WriteLineAsync(
                $"error: {procedure.Code} v{procedure.Version} could not be imported into the database: "
                + $"{mine?.Message ?? "not found"}");
            return 1;
        }

        Console.Write(await StoredScenario.RunAsync(
            host.Services, at => clock.Now = at, procedure, scenario, cancellationToken));
        return 0;
    }
}
