using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using OneStopWorkflow.Faults.Running;

namespace OneStopWorkflow.Faults.Scenarios;

/// <summary>
/// Scenario 3: four clerks receive land transfers through the web app on PostgreSQL while the server is stopped
/// with pg_ctl for the outage and started again. Every answer in the outage must be 503 <c>store-unavailable</c>
/// with Retry-After (never a 500), the app must take receipts again by itself, and every receipt it acknowledged
/// must be in the database with its whole trail. The clients retry after 0.2 s rather than Retry-After's 5 s, to
/// measure the recovery closely.
/// </summary>
internal static class Outage
{
    private const int Clerks = 4;

    public static async Task<ScenarioResult> RunAsync(FaultOptions options, ThrowawayPostgres postgres, int port)
    {
        await postgres.CreateDatabaseAsync("faults_web");
        var store = new StoreReader("postgres", postgres.ConnectionString("faults_web"));
        var acknowledged = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var wrong = new ConcurrentBag<string>();
        var unavailable = 0;
        var clock = Stopwatch.StartNew();
        var backAt = TimeSpan.MaxValue;
        var firstAfter = TimeSpan.MaxValue;
        using (var app = await WebApp.StartAsync(options, store, port))
        {
            var clerk = await app.SignInAsync("clerk.lechan");
            using var stop = new CancellationTokenSource();
            async Task ClerkAsync()
            {
                while (!stop.IsCancellationRequested)
                {
                    var answer = await app.ReceiveAsync(clerk);
                    if (answer.Status == HttpStatusCode.Created && answer.CaseId is { } id)
                    {
                        acknowledged[id] = answer.Version;
                        if (clock.Elapsed > backAt && firstAfter == TimeSpan.MaxValue)
                        {
                            firstAfter = clock.Elapsed;
                        }
                    }
                    else if (answer.IsUnavailable("store-unavailable"))
                    {
                        Interlocked.Increment(ref unavailable);
                        await Task.Delay(200);
                    }
                    else
                    {
                        wrong.Add($"{(int)answer.Status} {answer.Code ?? answer.Failure}");
                        await Task.Delay(200);
                    }
                }
            }

            var clerks = Enumerable.Range(0, Clerks).Select(_ => Task.Run(ClerkAsync)).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = acknowledged.Count;
            var stoppedAt = clock.Elapsed;
            await postgres.StopAsync();
            await Task.Delay(options.Outage - (clock.Elapsed - stoppedAt));
            await postgres.StartAsync();
            backAt = clock.Elapsed;
            Log.Write(options, $"outage: {before} acknowledged before, server down {backAt - stoppedAt}");
            while (firstAfter == TimeSpan.MaxValue && clock.Elapsed - backAt < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await Task.WhenAll(clerks);
            app.Process.Kill();
        }

        var trails = await store.EventCountsAsync();
        var lost = acknowledged.Count(a => trails.GetValueOrDefault(a.Key) < a.Value);
        var audit = await AuditChecks.RunAsync(options, store, "outage");
        var recovered = firstAfter == TimeSpan.MaxValue ? -1 : (firstAfter - backAt).TotalSeconds;
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"outage {options.Outage.TotalSeconds:0} s: 503s {unavailable:N0} with Retry-After, lost {lost}, ")
            + (recovered < 0 ? "never recovered" : string.Create(CultureInfo.InvariantCulture,
                $"recovered in {recovered:0.0} s"));
        if (!wrong.IsEmpty)
        {
            figures += $" (other answers: {string.Join(", ", wrong.Distinct().Take(5))}, {wrong.Count} in all)";
        }

        if (audit is not null)
        {
            figures += $" ({audit})";
        }

        return ScenarioResult.Of(lost == 0 && unavailable > 0 && wrong.IsEmpty && recovered >= 0 && audit is null,
            figures);
    }
}
