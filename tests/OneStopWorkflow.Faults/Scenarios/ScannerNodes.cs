using System.Globalization;
using OneStopWorkflow.Faults.Running;

namespace OneStopWorkflow.Faults.Scenarios;

/// <summary>
/// Scenario 2: three scanner nodes (<c>onestop scan</c>, the app's own DeadlineScanner, each its own process) on
/// one PostgreSQL find thousands of cases overdue at once; one node is killed with SIGKILL mid-pass, with leases
/// and maybe an uncommitted tick in its hands. The others take over once its leases expire, and every escalation
/// the engine says is due must be on the trails exactly once.
/// </summary>
internal static class ScannerNodes
{
    private const int Nodes = 3;

    public static async Task<ScenarioResult> RunAsync(FaultOptions options, ThrowawayPostgres postgres)
    {
        await postgres.CreateDatabaseAsync("faults_scan");
        var store = new StoreReader("postgres", postgres.ConnectionString("faults_scan"));
        var due = await DueCases.SeedAsync(options, store, options.DueCases);
        Log.Write(options, $"scanners: {options.DueCases} cases seeded, {due} escalations due");
        var environment = new Dictionary<string, string>(store.Environment)
        {
            ["OneStop__Scanner__Lease"] = "00:00:10", ["OneStop__Scanner__Batch"] = "50",
        };
        var nodes = Enumerable.Range(1, Nodes).Select(n => Child.Start(options, $"scanner {n}", options.Cli,
            ["scan", "--now", DueCases.ScanAt.ToString("O", CultureInfo.InvariantCulture), "--until-idle", "00:00:15"],
            environment)).ToArray();
        try
        {
            // Mid-pass: once a random share (10–60%) of the escalations has fired, in the middle of the nodes' work.
            var share = Random.Shared.Next(10, 60) / 100.0;
            while (await store.CountAsync("SELECT COUNT(*) FROM escalation_claims") < due * share
                && nodes.All(n => !n.HasExited))
            {
                await Task.Delay(20);
            }

            var victim = nodes[Random.Shared.Next(Nodes)];
            victim.Kill();
            Log.Write(options, $"scanners: killed node {victim.Id} at {share:P0} of the escalations");
            foreach (var node in nodes)
            {
                await node.WaitAsync(CancellationToken.None);
            }

            var survivorsFailed = nodes.Count(n => n != victim && n.ExitCode != 0);
            var fired = await store.CountAsync("SELECT COUNT(*) FROM events WHERE type = 'escalation-fired'");
            var distinct = await store.CountAsync("SELECT COUNT(*) FROM (SELECT DISTINCT case_id, "
                + "payload::jsonb ->> 'key' FROM events WHERE type = 'escalation-fired') d");
            var claims = await store.CountAsync("SELECT COUNT(*) FROM escalation_claims");
            var audit = await AuditChecks.RunAsync(options, store, "scanners");
            var duplicated = fired - distinct;
            var figures = string.Create(CultureInfo.InvariantCulture,
                $"escalations {due:N0} due, {distinct:N0} done, {duplicated} duplicated (1 of {Nodes} scanners "
                + $"killed, {options.DueCases:N0} cases)");
            if (claims != distinct || survivorsFailed > 0 || audit is not null)
            {
                figures += $" (claims {claims}, survivors failed {survivorsFailed}, {audit ?? "audit passed"})";
            }

            return ScenarioResult.Of(
                distinct == due && duplicated == 0 && claims == due && survivorsFailed == 0 && audit is null, figures);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }
}
