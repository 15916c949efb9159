using System.Globalization;
using OneStopWorkflow.Faults.Running;

namespace OneStopWorkflow.Faults.Scenarios;

/// <summary>
/// Scenario 1: the bench runs against the store and is killed with SIGKILL at a random moment, again and again on
/// the same database. Every command acknowledged before a kill (the bench's <c>--acks</c> file) must be on the
/// trail: the case's trail holds at least the version the command returned. Then the trails verify and the day
/// figures equal their recount.
/// </summary>
internal static class KilledBench
{
    public static async Task<ScenarioResult> RunAsync(FaultOptions options, StoreReader store)
    {
        var acks = Path.Combine(options.Work, $"acks-{store.Provider}.txt");
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            var before = Lines(acks).Length;
            using var bench = Child.Start(options, $"bench {store.Provider}", options.Cli,
                ["bench", "--cases", "100000", "--store", store.Provider, "--concurrency", "4", "--acks", acks],
                store.Environment);

            // Wait until the bench acknowledges (start-up and migration are done), then kill at a random moment.
            var waited = 0;
            while (Lines(acks).Length == before && !bench.HasExited && waited++ < 1200)
            {
                await Task.Delay(50);
            }

            var moment = TimeSpan.FromMilliseconds(Random.Shared.Next(300, 5000));
            await Task.Delay(moment);
            if (bench.HasExited)
            {
                return ScenarioResult.Of(false, $"{store.Provider}: the bench ended before kill {kill}");
            }

            bench.Kill();
            await bench.WaitAsync(CancellationToken.None);
            Log.Write(options, $"{store.Provider} kill {kill} after {moment.TotalMilliseconds} ms, "
                + $"{Lines(acks).Length - before} acknowledged in this run");
        }

        var acknowledged = Lines(acks).Select(Parse).OfType<(string Case, int Version)>().ToArray();
        var trails = await store.EventCountsAsync();
        var lost = acknowledged.Count(a => trails.GetValueOrDefault(a.Case) < a.Version);
        var audit = await AuditChecks.RunAsync(options, store, store.Provider);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{store.Provider} kills {options.Kills}, acknowledged {acknowledged.Length:N0}, lost {lost}");
        if (audit is not null)
        {
            figures += $" ({audit})";
        }

        return ScenarioResult.Of(lost == 0 && audit is null && acknowledged.Length > 0, figures);
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    /// <summary>"case-id version"; a line cut by the kill (never acknowledged) reads as null.</summary>
    private static (string, int)? Parse(string line) =>
        line.Split(' ') is [var id, var version] && int.TryParse(version, CultureInfo.InvariantCulture, out var v)
            ? (id, v)
            : null;
}
