using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Store;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Hosting.Scanning;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop seed</c>: a year of land-use-transfer cases across the communes, decided by the engine and written in
/// bulk with valid hash-chained trails (about 7% late, 2% escalated, 1% withdrawn, the last weeks still open).
/// With <c>--measure</c> it then times the hot queries on that population. Prints JSON lines.
/// </summary>
internal static class SeedCommand
{
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(7));

    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases.", DefaultValueFactory = _ => 10_000 };
        var measure = new Option<bool>("--measure") { Description = "Time the inbox, audit queries, scanner pass and a receipt afterwards." };
        var command = new Command("seed", "Fill the configured database with a year of cases, optionally measuring the hot queries on it.") { cases, measure };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(cases), result.GetValue(measure), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int count, bool measure, CancellationToken cancellationToken)
    {
        var root = CatalogFolder.FindRoot(Path.Combine(Environment.CurrentDirectory, "procedures"));
        if (root is null)
        {
            await Console.Error.WriteLineAsync("error: run from the repository; it needs procedures/.");
            return 2;
        }

        var time = new ScenarioClock { Now = Now };
        using var host = StoreHost.Build(root, time);
        await host.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
        await using var setup = host.Services.CreateAsyncScope();
        var pipeline = setup.ServiceProvider.GetRequiredService<CasePipeline>();
        var version = await pipeline.VersionOfAsync("land-use-transfer", 1, cancellationToken);
        var calendar = version.Calendar;
        var communes = version.Units.Units.Where(u => u.Level == Engine.Units.Jurisdiction.Commune && !u.Remote).Select(u => u.Code).ToArray();
        var days = Enumerable.Range(0, 345).Select(d => new DateOnly(2026, 1, 2).AddDays(d)).Where(calendar.IsWorkingDay).ToArray();
        var sequences = new Dictionary<(string Unit, string Day), int>();
        var clock = Stopwatch.StartNew();
        var events = 0;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var store = new CaseStore(db);
            for (var i = 0; i < count; i++)
            {
                var (state, trail) = Decide(version, calendar, communes, days, sequences, i, count);
                store.Stage(state, trail, Workflow.NextTick(version.At(Now), state),
                    t => calendar.WorkingTimeBetween(t.ActivatedAt, t.CompletedAt!.Value).TotalHours);
                events += trail.Count;
                if (i % 500 == 499 || i == count - 1)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            db.DossierSequences.AddRange(sequences.Select(s => new DossierSequenceRow { Unit = s.Key.Unit, Day = s.Key.Day, Last = s.Value }));
            await db.SaveChangesAsync(cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var figures = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Bulk staging skips the per-save figures; one recount after the load is far cheaper.
            await DayFigures.RebuildAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), cancellationToken);
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            seeded = count, events, seconds = Math.Round(seconds, 1), casesPerSecond = count == 0 ? 0 : Math.Round(count / seconds),
            figuresSeconds = Math.Round(figures.Elapsed.TotalSeconds, 1),
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
        }));
        if (measure)
        {
            await MeasureAsync(host.Services, time, calendar, cancellationToken);
        }

        return 0;
    }

    private static (CaseState State, List<CaseEvent> Trail) Decide(
        LoadedVersion version, WorkingCalendar calendar, string[] communes, DateOnly[] days,
        Dictionary<(string, string), int> sequences, int i, int count)
    {
        var unit = communes[i % communes.Length];
        var day = days[(int)((long)i * days.Length / count)];
        var received = calendar.At(day, new TimeOnly(8, 0).AddMinutes(30 * (i % 14)));
        var key = (unit, day.ToString("yyMMdd", CultureInfo.InvariantCulture));
        var sequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
        var clerk = new Actor("seed.clerk", [new Membership(unit, "clerk")]);
        var officer = new Actor("seed.officer", [new Membership("HP.VPDKDD.CN1", "land-officer")]);
        var leader = new Actor("seed.leader", [new Membership("HP.VPDKDD.CN1", "leader")]);
        var trail = new List<CaseEvent>();
        CaseState? state = null;
        void Do(DateTimeOffset at, CaseCommand command)
        {
            var decision = Workflow.Decide(version.At(at), state, command);
            if (!decision.IsRejected)
            {
                trail.AddRange(decision.Events);
                state = decision.State;
            }
        }

        Do(received, new ReceiveCommand(clerk, new CaseId(Guid.CreateVersion7(received).ToString("N")), unit)
        {
            Fields = LandTransferWorkload.Fields, Sequence = sequence, Secret = (i * 2654435761L % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture),
        });
        DateTimeOffset Day(decimal working) => calendar.AddWorkingDays(received, working);
        var kind = i % 100;
        var stillOpen = Day(8) > Now || kind == 99;
        if (kind == 9)
        {
            Do(Day(1), new WithdrawCommand(clerk, "Hai bên hủy hợp đồng"));
            return (state!, trail);
        }

        if (stillOpen)
        {
            // The scanner would have fired what fell due before now: the population starts with no backlog.
            Do(Now, new TickCommand());
            return (state!, trail);
        }

        var late = kind < 9;
        Do(Day(1), new ActCommand(officer, "send-to-tax"));
        Do(Day(2), new ActCommand(officer, "tax-paid"));
        if (kind is 7 or 8)
        {
            Do(Day(7), new TickCommand());
        }

        Do(Day(late ? 8 : 3), new ActCommand(officer, "submit"));
        Do(Day(late ? 8.5m : 4), new ActCommand(leader, "approve"));
        Do(Day(late ? 9 : 5), new ActCommand(clerk, "deliver"));
        return (state!, trail);
    }

    private static async Task MeasureAsync(IServiceProvider services, ScenarioClock time, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var auditor = new Actor("bench.auditor", [new Membership("HP", Roles.Admin)]);
        var year = new AuditFilter("HP", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var results = new List<object>();
        async Task Time(string what, int times, Func<IMediator, Task<object?>> call)
        {
            var samples = new List<double>();
            object? last = null;
            for (var i = 0; i < times; i++)
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = auditor;
                var started = Stopwatch.GetTimestamp();
                last = await call(scope.ServiceProvider.GetRequiredService<IMediator>());
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            samples.Sort();
            results.Add(new
            {
                what, times, p50Ms = Math.Round(samples[samples.Count / 2], 1),
                p99Ms = Math.Round(samples[Math.Max(0, (int)Math.Ceiling(0.99 * samples.Count) - 1)], 1), result = last,
            });
        }

        await Time("inbox HP.VPDKDD.CN1 (first 50)", 200, async m =>
            (await m.Send(new GetInbox("HP.VPDKDD.CN1") { Limit = 50 }, cancellationToken)).Total);
        await Time("inbox HP.VPDKDD.CN1 (overdue, first 50)", 50, async m =>
            (await m.Send(new GetInbox("HP.VPDKDD.CN1") { Limit = 50, Status = "overdue" }, cancellationToken)).Total);
        await Time("compliance HP, year", 5, async m =>
            (await m.Send(new GetCompliance(year), cancellationToken)).Figures?.Received);
        await Time("daily figures HP.LECHAN, year", 5, async m =>
            (await m.Send(new GetDailyFigures(year with { Unit = "HP.LECHAN" }), cancellationToken)).Days.Length);
        await Time("overdue cases HP, year (first 100)", 5, async m =>
            (await m.Send(new ListAuditCases(year, "overdue"), cancellationToken)).Total);
        await Time("XLSX export of HP.LECHAN's cases of the year", 1, async m =>
        {
            await using var file = File.Create(Path.Combine(Path.GetTempPath(), "onestop-unit-year.xlsx"));
            var (table, problem) = await AuditTables.OpenAsync(m, "cases", year with { Unit = "HP.LECHAN" }, null, cancellationToken);
            var rows = await (table ?? throw new InvalidOperationException(problem)).WriteAsync(file, AuditFormat.Xlsx, cancellationToken);
            return new { rows, bytes = file.Length };
        });

        // The scanner: a pass now finds nothing left behind; a pass one working day later ticks what fell due that day.
        var scanner = services.GetRequiredService<DeadlineScanner>();
        var started = Stopwatch.GetTimestamp();
        var ticked = await scanner.ScanOnceAsync(cancellationToken);
        results.Add(new { what = "scanner pass now", ticked, ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) });
        time.Now = calendar.AddWorkingDays(Now, 1);
        started = Stopwatch.GetTimestamp();
        ticked = await scanner.ScanOnceAsync(cancellationToken);
        results.Add(new
        {
            what = "scanner pass one working day later", ticked, ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
        });

        var clerk = new Actor("bench.clerk", [new Membership("HP.LECHAN", Roles.Clerk)]);
        var receipts = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = clerk;
            var t0 = Stopwatch.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReceiveCase("land-use-transfer", "HP.LECHAN") { Fields = LandTransferWorkload.Fields }, cancellationToken);
            receipts.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (result.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", result.Rejections));
            }
        }

        receipts.Sort();
        results.Add(new { what = "receive one more case", times = 20, p50Ms = Math.Round(receipts[10], 1), p99Ms = Math.Round(receipts[^1], 1) });
        foreach (var result in results)
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }

        Console.WriteLine(JsonSerializer.Serialize(new { peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024) }));
    }
}
