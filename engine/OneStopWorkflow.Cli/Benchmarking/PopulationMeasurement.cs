using System.Diagnostics;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Clock;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Cli.Seeding;
using OneStopWorkflow.Cli.Workload;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Hosting.Scanning;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>
/// <c>onestop seed --measure</c>: times the hot paths on a seeded population through the application layer, the
/// inboxes, the audit figures and lists, the XLSX export of a ward's year, two scanner passes and one more receipt.
/// Prints one JSON line per measurement, then the peak working set.
/// </summary>
internal sealed class PopulationMeasurement(IServiceProvider services, ScenarioClock time, SeedPlan plan)
{
    private static readonly Actor Auditor = new("bench.auditor", [new Membership("HP", Roles.Admin)]);

    private readonly List<object> _results = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A mid-sized ward (Lê Chân) when it is seeded, so figures compare across populations; else the first unit.
        var ward = plan.Units.Contains("HP.LECHAN") ? "HP.LECHAN" : plan.Units[0];
        await QueriesAsync(ward, cancellationToken);
        await ScannerAsync(cancellationToken);
        await ReceiptsAsync(ward, cancellationToken);
        foreach (var result in _results)
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }

        Console.WriteLine(JsonSerializer.Serialize(
            new { peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024) }));
    }

    private async Task QueriesAsync(string ward, CancellationToken cancellationToken)
    {
        var year = new AuditFilter("HP", new DateOnly(plan.Now.Year, 1, 1), new DateOnly(plan.Now.Year, 12, 31));
        await TimeAsync("inbox HP.VPDKDD.CN1 (first 50)", 200, async m =>
            (await m.Send(new GetInbox("HP.VPDKDD.CN1") { Limit = 50 }, cancellationToken)).Total);
        await TimeAsync($"inbox {ward} (first 50)", 200, async m =>
            (await m.Send(new GetInbox(ward) { Limit = 50 }, cancellationToken)).Total);
        await TimeAsync("inbox HP.VPDKDD.CN1 (overdue, first 50)", 50, async m =>
            (await m.Send(new GetInbox("HP.VPDKDD.CN1") { Limit = 50, Status = "overdue" }, cancellationToken)).Total);
        await TimeAsync("compliance HP, year", 5, async m =>
            (await m.Send(new GetCompliance(year), cancellationToken)).Figures?.Received);
        await TimeAsync($"daily figures {ward}, year", 5, async m =>
            (await m.Send(new GetDailyFigures(year with { Unit = ward }), cancellationToken)).Days.Length);
        await TimeAsync("overdue cases HP, year (first 100)", 5, async m =>
            (await m.Send(new ListAuditCases(year, AuditFigure.Overdue), cancellationToken)).Total);
        await TimeAsync($"XLSX export of {ward}'s cases of the year", 1, async m =>
        {
            await using var file = File.Create(Path.Combine(Path.GetTempPath(), "onestop-unit-year.xlsx"));
            var (table, problem) = await AuditTables.OpenAsync(m, "cases", year with { Unit = ward }, null,
                cancellationToken);
            var rows = await (table ?? throw new InvalidOperationException(problem))
                .WriteAsync(file, AuditFormat.Xlsx, cancellationToken);
            return new { rows, bytes = file.Length };
        });
    }

    /// <summary>Times <paramref name="call"/> by the auditor, <paramref name="times"/> times in new scopes.</summary>
    private async Task TimeAsync(string what, int times, Func<IMediator, Task<object?>> call)
    {
        var samples = new List<double>();
        object? last = null;
        for (var i = 0; i < times; i++)
        {
            await using var scope = ActingScope.Open(services, Auditor);
            var started = Stopwatch.GetTimestamp();
            last = await call(scope.Mediator);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        samples.Sort();
        _results.Add(new { what, times, p50Ms = P50(samples), p99Ms = P99(samples), result = last });
    }

    /// <summary>A scan now finds nothing left behind; one a working day later ticks what fell due that day.</summary>
    private async Task ScannerAsync(CancellationToken cancellationToken)
    {
        var scanner = services.GetRequiredService<DeadlineScanner>();
        var started = Stopwatch.GetTimestamp();
        var ticked = await scanner.ScanOnceAsync(cancellationToken);
        _results.Add(new { what = "scanner pass now", ticked, ms = Milliseconds(started) });
        time.Now = plan.Calendar.AddWorkingDays(plan.Now, 1);
        started = Stopwatch.GetTimestamp();
        ticked = await scanner.ScanOnceAsync(cancellationToken);
        _results.Add(new { what = "scanner pass one working day later", ticked, ms = Milliseconds(started) });
    }

    private async Task ReceiptsAsync(string ward, CancellationToken cancellationToken)
    {
        var clerk = new Actor("bench.clerk", [new Membership(ward, Roles.Clerk)]);
        var receipts = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await using var scope = ActingScope.Open(services, clerk);
            var started = Stopwatch.GetTimestamp();
            var result = await scope.Mediator.Send(
                new ReceiveCase("land-use-transfer", ward) {
                    Fields = LandTransferWorkload.Fields, Components = LandTransferWorkload.Components,
                }, cancellationToken);
            receipts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", result.Rejections));
            }
        }

        receipts.Sort();
        _results.Add(new { what = "receive one more case", times = 20, p50Ms = P50(receipts), p99Ms = P99(receipts) });
    }

    private static double P50(List<double> sorted) => Math.Round(sorted[sorted.Count / 2], 1);

    private static double P99(List<double> sorted) =>
        Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(0.99 * sorted.Count) - 1)], 1);

    private static double Milliseconds(long started) =>
        Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
}
