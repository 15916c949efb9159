using OneStopWorkflow.Engine.Units;
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
using OneStopWorkflow.Engine.Simulation;
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
/// <c>onestop seed</c>: a year of cases across the communes (urban wards busier), four in ten land transfers, four
/// birth registrations and two business households, decided by the engine and written in bulk with valid hash-chained
/// trails (about 7% late, some escalated, 1% withdrawn, 1% never finished, the last days still open).
/// With <c>--measure</c> it then times the hot queries on that population. Prints JSON lines.
/// </summary>
internal static class SeedCommand
{
    /// <summary>What to seed: the calendar, the receiving units (each as often as its share), the working days and "now".</summary>
    private sealed record Plan(WorkingCalendar Calendar, string[] Units, DateOnly[] Days, DateTimeOffset Now, int Count)
    {
        /// <summary>The last dossier number given per unit and day.</summary>
        public Dictionary<(string Unit, string Day), int> Sequences { get; } = [];
    }

    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases.", DefaultValueFactory = _ => 10_000 };
        var units = new Option<string>("--units")
        {
            Description = "The receiving communes and wards, comma-separated, or 'all' (every ordinary commune and ward of the unit directory).",
            DefaultValueFactory = _ => "all",
        };
        var year = new Option<int>("--year") { Description = "The year the cases are received in; the calendar must cover it.", DefaultValueFactory = _ => 2026 };
        var measure = new Option<bool>("--measure") { Description = "Time the inbox, audit queries, scanner pass and a receipt afterwards." };
        var command = new Command("seed", "Fill the configured database with a year of cases, optionally measuring the hot queries on it.")
        {
            cases, units, year, measure,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(cases), result.GetValue(units)!, result.GetValue(year), result.GetValue(measure), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int count, string unitList, int year, bool measure, CancellationToken cancellationToken)
    {
        var root = CatalogFolder.FindRoot(Path.Combine(Environment.CurrentDirectory, "procedures"));
        if (root is null)
        {
            await Console.Error.WriteLineAsync("error: run from the repository; it needs procedures/.");
            return 2;
        }

        var now = new DateTimeOffset(year, 12, 15, 10, 0, 0, TimeSpan.FromHours(7));
        var time = new ScenarioClock { Now = now };
        using var host = StoreHost.Build(root, time);
        await host.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
        await using var setup = host.Services.CreateAsyncScope();
        var pipeline = setup.ServiceProvider.GetRequiredService<CasePipeline>();
        var version = await pipeline.VersionOfAsync("land-use-transfer", 1, cancellationToken);
        var calendar = version.Calendar;
        var births = await SampleAsync(pipeline, root, "birth-registration", "same-day", cancellationToken);
        var households = await SampleAsync(pipeline, root, "business-household-registration", "parallel-with-tax", cancellationToken);
        var ordinary = version.Units.Units.Where(u => u.Level == Engine.Units.Jurisdiction.Commune && !u.Remote).Select(u => u.Code).ToArray();
        var chosen = unitList.Trim() == "all" ? ordinary : unitList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (chosen.Except(ordinary).ToArray() is { Length: > 0 } unknown)
        {
            await Console.Error.WriteLineAsync(
                $"error: --units {string.Join(", ", unknown)}: the seed receives at communes and wards; use 'all' or some of {string.Join(", ", ordinary)}.");
            return 2;
        }

        DateOnly[] days;
        try
        {
            days = [.. Enumerable.Range(0, 345).Select(d => new DateOnly(year, 1, 2).AddDays(d)).Where(calendar.IsWorkingDay)];
        }
        catch (CalendarYearMissingException ex)
        {
            await Console.Error.WriteLineAsync($"error: --year {year}: {ex.Message}");
            return 2;
        }

        var plan = new Plan(calendar, Weighted(chosen), days, now, count);
        var clock = Stopwatch.StartNew();
        var events = 0;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var store = new CaseStore(db);
            for (var i = 0; i < count; i++)
            {
                // Four in ten cases are land transfers, four births, two business households.
                var (decided, (state, trail)) = (i % 5) switch
                {
                    0 or 1 => (version, Decide(version, plan, i)),
                    2 or 3 => (births.Version, Replay(births, plan, i)),
                    _ => (households.Version, Replay(households, plan, i)),
                };
                store.Stage(state, trail, Workflow.NextTick(decided.At(now), state),
                    t => calendar.WorkingTimeBetween(t.ActivatedAt, t.CompletedAt!.Value).TotalHours);
                events += trail.Count;
                if (i % 500 == 499 || i == count - 1)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            db.DossierSequences.AddRange(plan.Sequences.Select(s => new DossierSequenceRow { Unit = s.Key.Unit, Day = s.Key.Day, Last = s.Value }));
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
            await MeasureAsync(host.Services, time, plan, cancellationToken);
        }

        return 0;
    }

    private static (CaseState State, List<CaseEvent> Trail) Decide(LoadedVersion version, Plan plan, int i)
    {
        var (calendar, now) = (plan.Calendar, plan.Now);
        var (unit, received, sequence) = Receipt(plan, i);
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
        var kind = Kind(i);
        var stillOpen = Day(8) > now || kind == 99;
        if (kind == 9)
        {
            Do(Day(1), new WithdrawCommand(clerk, "Hai bên hủy hợp đồng"));
            return (state!, trail);
        }

        if (stillOpen)
        {
            // The scanner would have fired what fell due before now: the population starts with no backlog.
            Do(now, new TickCommand());
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

    /// <summary>What happens to case <paramref name="i"/>: 0–6 late, 7–8 escalated too (land), 9 withdrawn, 99 never finished.</summary>
    private static int Kind(int i) => i / 5 % 100;

    /// <summary>The communes, each as often as its share of dossiers: urban wards receive three times a rural commune's volume.</summary>
    private static string[] Weighted(string[] communes) =>
        [.. communes.SelectMany((unit, index) => Enumerable.Repeat(unit, index < 3 ? 3 : index < 6 ? 2 : 1))];

    /// <summary>Where, when and with which daily number case <paramref name="i"/> of the plan is received.</summary>
    private static (string Unit, DateTimeOffset At, int Sequence) Receipt(Plan plan, int i)
    {
        var unit = plan.Units[(int)(i * 7919L % plan.Units.Length)];
        var day = plan.Days[(int)((long)i * plan.Days.Length / plan.Count)];
        var received = plan.Calendar.At(day, new TimeOnly(8, 0).AddMinutes(30 * (i % 13)));
        var key = (unit, day.ToString("yyMMdd", CultureInfo.InvariantCulture));
        return (unit, received, plan.Sequences[key] = plan.Sequences.GetValueOrDefault(key) + 1);
    }

    /// <summary>A procedure seeded from one of its sample scenarios: the sample's commands, moved to each case's unit and time.</summary>
    private sealed record Sample(LoadedVersion Version, ImmutableArray<ScenarioStep> Steps, ImmutableArray<decimal> Hours, string Unit);

    private static async Task<Sample> SampleAsync(CasePipeline pipeline, string root, string code, string name, CancellationToken cancellationToken)
    {
        var version = await pipeline.VersionOfAsync(code, 1, cancellationToken);
        var file = $"{code}/v1/samples/{name}.json";
        var json = await File.ReadAllTextAsync(Path.Combine(root, file), cancellationToken);
        var parsed = ScenarioRunner.Parse(json, file);
        var steps = parsed.Scenario?.Steps ?? throw new InvalidOperationException(
            $"A shipped sample does not read: {string.Join("; ", parsed.Diagnostics)}");
        var start = steps[0].At;
        return new Sample(version, steps, [.. steps.Select(s => (decimal)version.Calendar.WorkingTimeBetween(start, s.At).TotalHours)],
            ((ReceiveCommand)steps[0].Command).Unit);
    }

    /// <summary>
    /// Replays a sample for case <paramref name="i"/>: the same commands after the same working time from the receipt,
    /// by the people of the case's commune. Late cases finish two working hours past their appointment after the
    /// scanner fired what fell due; recent and never-finished cases are left open.
    /// </summary>
    private static (CaseState State, List<CaseEvent> Trail) Replay(Sample sample, Plan plan, int i)
    {
        var (calendar, now) = (plan.Calendar, plan.Now);
        var (unit, received, sequence) = Receipt(plan, i);
        Actor Local(Actor actor) => actor with { Memberships = [.. actor.Memberships.Select(m => m.Unit == sample.Unit ? m with { Unit = unit } : m)] };
        var trail = new List<CaseEvent>();
        CaseState? state = null;
        void Do(DateTimeOffset at, CaseCommand command)
        {
            var decision = Workflow.Decide(sample.Version.At(at), state, command);
            if (!decision.IsRejected)
            {
                trail.AddRange(decision.Events);
                state = decision.State;
            }
        }

        var receive = (ReceiveCommand)sample.Steps[0].Command;
        Do(received, receive with
        {
            Actor = Local(receive.Actor), Id = new CaseId(Guid.CreateVersion7(received).ToString("N")), Unit = unit, Sequence = sequence,
            Secret = (i * 2654435761L % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture),
        });
        var kind = Kind(i);
        var last = calendar.AddWorkingHours(received, sample.Hours[^1]);
        if (state is null || last > now || kind == 99)
        {
            if (state is not null)
            {
                Do(now, new TickCommand());
            }

            return (state ?? throw new InvalidOperationException($"Sample receipt of {sample.Version.Procedure.Code} was refused."), trail);
        }

        if (kind == 9)
        {
            Do(calendar.AddWorkingHours(received, 1), new WithdrawCommand(Local(receive.Actor), "Người nộp rút hồ sơ"));
            return (state, trail);
        }

        for (var k = 1; k < sample.Steps.Length; k++)
        {
            var at = calendar.AddWorkingHours(received, sample.Hours[k]);
            if (kind < 7 && k == sample.Steps.Length - 1 && state.Appointment is { } appointment)
            {
                Do(calendar.AddWorkingHours(appointment, 1), new TickCommand());
                at = calendar.AddWorkingHours(appointment, 2);
            }

            var command = sample.Steps[k].Command;
            Do(at, command is TickCommand ? command : command with { Actor = Local(command.Actor) });
        }

        return (state, trail);
    }

    private static async Task MeasureAsync(IServiceProvider services, ScenarioClock time, Plan plan, CancellationToken cancellationToken)
    {
        var auditor = new Actor("bench.auditor", [new Membership("HP", Roles.Admin)]);
        var year = new AuditFilter("HP", new DateOnly(plan.Now.Year, 1, 1), new DateOnly(plan.Now.Year, 12, 31));
        // A mid-sized ward (Lê Chân) when it is seeded, so figures compare across populations; else the first unit.
        var ward = plan.Units.Contains("HP.LECHAN") ? "HP.LECHAN" : plan.Units[0];
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
        await Time($"inbox {ward} (first 50)", 200, async m =>
            (await m.Send(new GetInbox(ward) { Limit = 50 }, cancellationToken)).Total);
        await Time("inbox HP.VPDKDD.CN1 (overdue, first 50)", 50, async m =>
            (await m.Send(new GetInbox("HP.VPDKDD.CN1") { Limit = 50, Status = "overdue" }, cancellationToken)).Total);
        await Time("compliance HP, year", 5, async m =>
            (await m.Send(new GetCompliance(year), cancellationToken)).Figures?.Received);
        await Time($"daily figures {ward}, year", 5, async m =>
            (await m.Send(new GetDailyFigures(year with { Unit = ward }), cancellationToken)).Days.Length);
        await Time("overdue cases HP, year (first 100)", 5, async m =>
            (await m.Send(new ListAuditCases(year, "overdue"), cancellationToken)).Total);
        await Time($"XLSX export of {ward}'s cases of the year", 1, async m =>
        {
            await using var file = File.Create(Path.Combine(Path.GetTempPath(), "onestop-unit-year.xlsx"));
            var (table, problem) = await AuditTables.OpenAsync(m, "cases", year with { Unit = ward }, null, cancellationToken);
            var rows = await (table ?? throw new InvalidOperationException(problem)).WriteAsync(file, AuditFormat.Xlsx, cancellationToken);
            return new { rows, bytes = file.Length };
        });

        // The scanner: a pass now finds nothing left behind; a pass one working day later ticks what fell due that day.
        var scanner = services.GetRequiredService<DeadlineScanner>();
        var started = Stopwatch.GetTimestamp();
        var ticked = await scanner.ScanOnceAsync(cancellationToken);
        results.Add(new { what = "scanner pass now", ticked, ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) });
        time.Now = plan.Calendar.AddWorkingDays(plan.Now, 1);
        started = Stopwatch.GetTimestamp();
        ticked = await scanner.ScanOnceAsync(cancellationToken);
        results.Add(new
        {
            what = "scanner pass one working day later", ticked, ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
        });

        var clerk = new Actor("bench.clerk", [new Membership(ward, Roles.Clerk)]);
        var receipts = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = clerk;
            var t0 = Stopwatch.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReceiveCase("land-use-transfer", ward) { Fields = LandTransferWorkload.Fields }, cancellationToken);
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
