using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
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
using OneStopWorkflow.Hosting.Writing;

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
        object? writer = null, raw = null;
        double? seconds = null;
        var (cpuBefore, writtenBefore) = (Process.GetCurrentProcess().TotalProcessorTime, BytesWritten());
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
            (cpuBefore, writtenBefore) = (Process.GetCurrentProcess().TotalProcessorTime, BytesWritten());
            await StoredBench.RunAsync(host.Services, communes, options, tally, cancellationToken);
            seconds = clock.Elapsed.TotalSeconds;
            var cpuOfRun = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var writtenByRun = BytesWritten() - writtenBefore;
            var figures = host.Services.GetRequiredService<CaseWriter>().Figures;
            writer = WriterReport(figures, seconds.Value);
            var bytes = await host.Services.GetRequiredService<BulkLoader>().DatabaseSizeAsync(cancellationToken);
            databaseSize = $"{bytes / (1024 * 1024)} MB";
            if (options.Store == "sqlite")
            {
                raw = await RawTwinAsync(procedure, context, communes, options, figures,
                    tally.Commands / seconds.Value, cancellationToken);
            }

            // The twin's CPU and bytes are its own figures, not the app's.
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime - cpuOfRun;
            writtenBefore = BytesWritten() - writtenByRun;
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var perCommand = new
        {
            cpuMs = Math.Round(cpu.TotalMilliseconds / Math.Max(1, tally.Commands), 3),
            bytesWritten = (BytesWritten() - writtenBefore) / Math.Max(1, tally.Commands),
            collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}",
            gcPauseMs = Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds),
        };
        Console.WriteLine(Report(
            options, tally, seconds ?? clock.Elapsed.TotalSeconds, databaseSize, writer, raw, perCommand));
        return 0;
    }

    /// <summary>What the process wrote to storage so far (Linux /proc/self/io), or 0 where that is not known.</summary>
    private static long BytesWritten()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io))
        {
            return 0;
        }

        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The raw twin in the same minute, at the app's median commands per commit, and the app's share of it.
    /// </summary>
    private static async Task<object> RawTwinAsync(
        Engine.Definitions.ProcedureDefinition procedure, Engine.Definitions.CatalogContext context, string[] communes,
        BenchOptions options, WriterFigures figures, double appCommandsPerSecond, CancellationToken cancellationToken)
    {
        var commits = figures.CommandsPerCommit.SelectMany(p => Enumerable.Repeat(p.Key, (int)p.Value)).ToArray();
        var median = commits.Length == 0 ? 1 : commits[commits.Length / 2];
        var file = Path.Combine(Path.GetTempPath(), $"onestop-raw-twin-{Guid.NewGuid():N}.db");
        try
        {
            var decision = new DecisionContext(procedure, "bench", context.Calendars[procedure.Calendar], context.Units,
                Now);
            // The same cases as the app wrote, so the twin's file grows as the app's did (its B-trees as deep, its
            // log checkpointed as often): the same rows, not a smaller file that stays in cache.
            var written = BytesWritten();
            var result = await RawTwin.RunAsync(decision, communes, options.Cases, median, file, cancellationToken);
            return new
            {
                result.CommandsPerCommit, result.Commands, result.CommandsPerSecond, result.CommitP99Ms,
                bytesWritten = (BytesWritten() - written) / Math.Max(1, result.Commands),
                appShare = Math.Round(appCommandsPerSecond / result.CommandsPerSecond, 3),
            };
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }

    private static object WriterReport(WriterFigures figures, double seconds) => new
    {
        commits = figures.Commits,
        commitsPerSecond = Math.Round(figures.Commits / seconds, 1),
        commandsPerCommit = figures.CommandsPerCommit.ToDictionary(
            p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
        meanCommandsPerCommit = Math.Round(figures.Commands / (double)Math.Max(1, figures.Commits), 2),
        writerMs = new
        {
            deciding = Math.Round(figures.Time.Deciding.TotalMilliseconds),
            writing = Math.Round(figures.Time.Writing.TotalMilliseconds),
            committing = Math.Round(figures.Time.Committing.TotalMilliseconds),
        },
        cacheHitRate = Math.Round(
            figures.CacheHits / (double)Math.Max(1, figures.CacheHits + figures.CacheMisses), 3),
    };

    private static string Report(
        BenchOptions options, BenchTally tally, double seconds, string? databaseSize, object? writer, object? raw,
        object perCommand) =>
        JsonSerializer.Serialize(new
        {
            store = options.Store, cases = options.Cases, concurrency = options.Concurrency,
            commands = tally.Commands, seconds = Math.Round(seconds, 2),
            casesPerSecond = Math.Round(options.Cases / seconds, 1),
            commandsPerSecond = Math.Round(tally.Commands / seconds, 1),
            p50Ms = Math.Round(tally.Percentile(0.50), 3), p99Ms = Math.Round(tally.Percentile(0.99), 3),
            decideOnlyCommandsPerSecond = tally.DecideOnlyCommandsPerSecond,
            perCommand, writer, rawTwin = raw,
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), databaseSize,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
        });
}
