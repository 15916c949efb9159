using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Store;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Storage;

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
        var store = new Option<string>("--store") { Description = "memory, sqlite or postgres (the configured connection string).", DefaultValueFactory = _ => "memory" };
        var concurrency = new Option<int>("--concurrency") { Description = "Clerks working in parallel.", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Run the land transfer workload and print its throughput and latency as one JSON line.")
        {
            cases, store, concurrency,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(cases), result.GetValue(store)!, Math.Max(1, result.GetValue(concurrency)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int cases, string store, int concurrency, CancellationToken cancellationToken)
    {
        var root = CatalogFolder.FindRoot(Environment.CurrentDirectory) is { } found ? found : CatalogFolder.FindRoot(Path.Combine(Environment.CurrentDirectory, "procedures"));
        if (root is null || store is not ("memory" or "sqlite" or "postgres"))
        {
            await Console.Error.WriteLineAsync("error: run from the repository (it needs procedures/) with --store memory, sqlite or postgres.");
            return 2;
        }

        var catalog = new CatalogFolder(root, Environment.CurrentDirectory);
        var (context, _) = await catalog.ReadContextAsync(null, cancellationToken);
        var procedure = ProcedureLoader.Load(await catalog.ReadVersionAsync(Path.Combine(root, "land-use-transfer", "v1"), cancellationToken), context).Procedure!;
        var communes = context.Units.Units.Where(u => u.Level == Engine.Units.Jurisdiction.Commune && !u.Remote).Select(u => u.Code).ToArray();
        var latencies = new ConcurrentBag<double>();
        var commands = 0;
        var clock = Stopwatch.StartNew();
        string? databaseSize = null;
        if (store == "memory")
        {
            var decision = new DecisionContext(procedure, "bench", context.Calendars[procedure.Calendar], context.Units, Now);
            await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                (i, _) =>
                {
                    Interlocked.Add(ref commands, InMemory(decision, i, communes, latencies));
                    return ValueTask.CompletedTask;
                });
        }
        else
        {
            var time = new ScenarioClock { Now = Now };
            Environment.SetEnvironmentVariable("Storage__Provider", store);
            using var host = StoreHost.Build(root, time);
            await host.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
            clock.Restart();
            await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, ct) => Interlocked.Add(ref commands, await StoredAsync(host.Services, i, communes, latencies, ct)));
            databaseSize = await SizeAsync(host.Services, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            store, cases, concurrency, commands, seconds = Math.Round(seconds, 2),
            casesPerSecond = Math.Round(cases / seconds, 1), commandsPerSecond = Math.Round(commands / seconds, 1),
            p50Ms = Math.Round(Percentile(sorted, 0.50), 3), p99Ms = Math.Round(Percentile(sorted, 0.99), 3),
            decideOnlyCommandsPerSecond = _decideTicks == 0 ? (double?)null : Math.Round(commands / ((double)_decideTicks / Stopwatch.Frequency), 1),
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), databaseSize,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
        }));
        return 0;
    }

    /// <summary>The steps of one case: who acts, and what; every tenth case goes once through the supplement loop.</summary>
    private static IEnumerable<(string Role, string Action)> Steps(int i) =>
        (i % 10 == 0 ? new[] { ("land-officer", "request-supplement"), ("clerk", "resubmit") } : [])
            .Concat([("land-officer", "send-to-tax"), ("land-officer", "tax-paid"), ("land-officer", "submit"), ("leader", "approve"), ("clerk", "deliver")]);

    private static ImmutableDictionary<string, string> Input(string action) =>
        action == "request-supplement" ? ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu văn bản đồng ý") : ImmutableDictionary<string, string>.Empty;

    private static Actor ActorFor(string role, string commune) => role switch
    {
        "clerk" => new Actor("bench.clerk", [new Membership(commune, "clerk")]),
        "leader" => new Actor("bench.leader", [new Membership("HP.VPDKDD.CN1", "leader")]),
        _ => new Actor("bench.officer", [new Membership("HP.VPDKDD.CN1", "land-officer")]),
    };

    /// <summary>Time spent in <see cref="Workflow.Decide"/> alone, across all clerks: the engine without its paperwork.</summary>
    private static long _decideTicks;

    private static int InMemory(DecisionContext context, int i, string[] communes, ConcurrentBag<double> latencies)
    {
        var commune = communes[i % communes.Length];
        var trail = new List<CaseEvent>();
        CaseState? state = null;
        var count = 0;
        void Run(CaseCommand command)
        {
            var started = Stopwatch.GetTimestamp();
            var decision = Workflow.Decide(context, state, command);
            Interlocked.Add(ref _decideTicks, Stopwatch.GetTimestamp() - started);
            if (decision.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", decision.Rejections));
            }

            DocumentRenderer.RenderIssued(context, trail, decision.Events, "/tra-cuu");
            trail.AddRange(decision.Events);
            state = decision.State;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            count++;
        }

        Run(new ReceiveCommand(ActorFor("clerk", commune), new CaseId($"c{i}"), commune) { Fields = LandTransferWorkload.Fields, Sequence = (i / communes.Length) + 1, Secret = "00000000" });
        foreach (var (role, action) in Steps(i))
        {
            Run(action == "resubmit" ? new ResubmitCommand(ActorFor(role, commune)) : new ActCommand(ActorFor(role, commune), action) { Input = Input(action) });
        }

        return count;
    }

    private static async Task<int> StoredAsync(IServiceProvider services, int i, string[] communes, ConcurrentBag<double> latencies, CancellationToken cancellationToken)
    {
        var commune = communes[i % communes.Length];
        string? id = null;
        var count = 0;
        async Task Run(Actor actor, ICommand<CaseResult> command)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            if (result.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", result.Rejections));
            }

            id ??= result.Case!.Id;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            count++;
        }

        await Run(ActorFor("clerk", commune), new ReceiveCase("land-use-transfer", commune) { Fields = LandTransferWorkload.Fields });
        foreach (var (role, action) in Steps(i))
        {
            await Run(ActorFor(role, commune), action == "resubmit" ? new ResubmitCase(id!) : new ActOnCase(id!, action) { Input = Input(action) });
        }

        return count;
    }

    private static async Task<string> SizeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (db.Provider == StorageProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var bytes = new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            return $"{bytes / (1024 * 1024)} MB";
        }

        var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").ToListAsync(cancellationToken);
        return $"{size.Single() / (1024 * 1024)} MB";
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
