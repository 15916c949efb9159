using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Benchmarking;
using OneStopWorkflow.Cli.Clock;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;
using OneStopWorkflow.Hosting.Startup;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop bench</c>: the standard workload. N land-use-transfer cases are received and stepped to the result, every
/// step its own command as a clerk's click would be (10% go once through the supplement loop), in memory (the engine
/// and the document renderer only) or through the application layer into SQLite or PostgreSQL. Prints one JSON line.
/// </summary>
internal static class BenchCommand
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));

    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases.", DefaultValueFactory = _ => 1000 };
        var store = new Option<string>("--store")
        {
            Description = "memory, sqlite or postgres (the configured connection string).",
            DefaultValueFactory = _ => "memory",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Clerks working in parallel.", DefaultValueFactory = _ => 1,
        };
        var acks = new Option<string?>("--acks")
        {
            Description = "Append 'case-id version' to this file for every command the store acknowledged.",
        };
        var command = new Command("bench",
            "Run the land transfer workload and print its throughput and latency as one JSON line.")
        {
            cases, store, concurrency, acks,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new BenchOptions(result.GetValue(cases), result.GetValue(store)!,
                Math.Max(1, result.GetValue(concurrency))) { Acks = result.GetValue(acks) },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var root = CatalogFolder.FindRoot(Environment.CurrentDirectory)
            ?? CatalogFolder.FindRoot(Path.Combine(Environment.CurrentDirectory, "procedures"));
        if (root is null || options.Store is not ("memory" or "sqlite" or "postgres"))
        {
            await Console.Error.WriteLineAsync(
                "error: run from the repository (it needs procedures/) with --store memory, sqlite or postgres.");
            return 2;
        }

        var catalog = new CatalogFolder(root, Environment.CurrentDirectory);
        var (context, _) = await catalog.ReadContextAsync(null, cancellationToken);
        var source = await catalog.ReadVersionAsync(Path.Combine(root, "land-use-transfer", "v1"), cancellationToken);
        var procedure = ProcedureLoader.Load(source, context).Procedure!;
        var communes = context.Units.Units.Where(u => u.Level == Engine.Units.Jurisdiction.Commune && !u.Remote)
            .Select(u => u.Code).ToArray();
        var tally = new BenchTally();
        var clock = Stopwatch.StartNew();
        string? databaseSize = null;
        if (options.Store == "memory")
        {
            var decision = new DecisionContext(procedure, "bench", context.Calendars[procedure.Calendar], context.Units,
                Now);
            await InMemoryBench.RunAsync(decision, communes, options, tally, cancellationToken);
        }
        else
        {
            Environment.SetEnvironmentVariable("Storage__Provider", options.Store);
            using var host = StoreHost.Build(root, new ScenarioClock { Now = Now });
            await host.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
            clock.Restart();
            await StoredBench.RunAsync(host.Services, communes, options, tally, cancellationToken);
            var bytes = await host.Services.GetRequiredService<BulkLoader>().DatabaseSizeAsync(cancellationToken);
            databaseSize = $"{bytes / (1024 * 1024)} MB";
        }

        Console.WriteLine(Report(options, tally, clock.Elapsed.TotalSeconds, databaseSize));
        return 0;
    }

    private static string Report(BenchOptions options, BenchTally tally, double seconds, string? databaseSize) =>
        JsonSerializer.Serialize(new
        {
            store = options.Store, cases = options.Cases, concurrency = options.Concurrency,
            commands = tally.Commands, seconds = Math.Round(seconds, 2),
            casesPerSecond = Math.Round(options.Cases / seconds, 1),
            commandsPerSecond = Math.Round(tally.Commands / seconds, 1),
            p50Ms = Math.Round(tally.Percentile(0.50), 3), p99Ms = Math.Round(tally.Percentile(0.99), 3),
            decideOnlyCommandsPerSecond = tally.DecideOnlyCommandsPerSecond,
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), databaseSize,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
        });
}
