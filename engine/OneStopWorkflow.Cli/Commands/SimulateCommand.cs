using System.CommandLine;
using System.Text.Json;
using OneStopWorkflow.Cli.Catalog;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Cli.Commands;

/// <summary><c>onestop simulate &lt;version dir&gt; &lt;scenario.json&gt;</c>: runs a scenario with no database.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var version = new Argument<DirectoryInfo>("version") { Description = "A version folder, e.g. procedures/land-use-transfer/v1." };
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (see procedures/README.md)." };
        var command = new Command("simulate", "Run a scenario through the engine and print the result as JSON.")
        {
            version, scenario,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(version)!, result.GetValue(scenario)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo version, FileInfo scenario, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(version.FullName, "procedure.json")) || !scenario.Exists)
        {
            await Console.Error.WriteLineAsync($"error: '{version}' holds no procedure.json or '{scenario}' does not exist.");
            return 2;
        }

        var catalog = new CatalogFolder(CatalogFolder.FindRoot(version.FullName) ?? version.FullName, Environment.CurrentDirectory);
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

        var decision = new DecisionContext(procedure, loaded.Sha256!, context.Calendars[procedure.Calendar], context.Units,
            DateTimeOffset.UnixEpoch);
        try
        {
            Console.Write(ScenarioRunner.Run(decision, await File.ReadAllTextAsync(scenario.FullName, cancellationToken)));
            return 0;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: scenario {scenario.Name} is not valid: {ex.Message}");
            return 2;
        }
    }
}
