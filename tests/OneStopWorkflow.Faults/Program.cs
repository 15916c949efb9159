using System.Globalization;
using OneStopWorkflow.Faults.Running;
using OneStopWorkflow.Faults.Scenarios;

// The fault suite: real processes killed with SIGKILL, a real PostgreSQL stopped, a real full disk. Prints one
// summary line; exit 0 only when no scenario failed. Details go to faults.log in the work folder.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (FaultOptions.Parse(args, out var problem) is not { } options)
{
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

Directory.CreateDirectory(options.Work);
var postgres = new ThrowawayPostgres(options);
var results = new List<ScenarioResult>();
// OSW_FAULTS_ONLY="outage,full disk" runs some scenarios only, while working on one.
var only = Environment.GetEnvironmentVariable("OSW_FAULTS_ONLY")?.Split(',', StringSplitOptions.TrimEntries);
async Task RunAsync(string name, Func<Task<ScenarioResult>> scenario)
{
    if (only is not null && !only.Contains(name))
    {
        return;
    }

    Log.Write(options, $"== {name}");
    try
    {
        results.Add(await scenario());
    }
    catch (Exception ex)
    {
        Log.Write(options, $"{name} threw: {ex}");
        results.Add(ScenarioResult.Of(false, $"{name}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}"));
    }

    Log.Write(options, $"{name}: {results[^1].Verdict}: {results[^1].Figures}");
}

try
{
    await postgres.InitializeAsync();
    await postgres.CreateDatabaseAsync("faults_bench");
}
catch (Exception ex)
{
    Log.Write(options, $"PostgreSQL did not start: {ex}");
    Console.WriteLine($"faults: PostgreSQL did not start ({ex.Message.Split('\n')[0]}) — 0 passed, 1 failed, "
        + "0 skipped");
    return 1;
}

await RunAsync("killed bench", async () =>
{
    var sqlite = await KilledBench.RunAsync(options,
        new StoreReader("sqlite", $"Data Source={Path.Combine(options.Work, "bench.db")}"));
    var pg = await KilledBench.RunAsync(options,
        new StoreReader("postgres", postgres.ConnectionString("faults_bench")));
    return new ScenarioResult(sqlite.Verdict == Verdict.Passed && pg.Verdict == Verdict.Passed
        ? Verdict.Passed
        : Verdict.Failed, $"{sqlite.Figures}; {pg.Figures}");
});

await RunAsync("scanners", () => ScannerNodes.RunAsync(options, postgres));
await RunAsync("outage", () => Outage.RunAsync(options, postgres, options.PostgresPort + 1));
await RunAsync("full disk", () => FullDisk.RunAsync(options, options.PostgresPort + 2));

try
{
    await postgres.StopAsync();
}
catch (InvalidOperationException ex)
{
    Log.Write(options, $"PostgreSQL did not stop: {ex.Message}");
}

var passed = results.Count(r => r.Verdict == Verdict.Passed);
var failed = results.Count(r => r.Verdict == Verdict.Failed);
var skipped = results.Count(r => r.Verdict == Verdict.Skipped);
Console.WriteLine($"faults: {string.Join("; ", results.Select(r => r.Figures))} — "
    + $"{passed} passed, {failed} failed, {skipped} skipped");
return failed == 0 ? 0 : 1;
