using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Tests.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>
/// <c>audit verify</c> checks each case's snapshot against the fold of its trail: clean after every kind of command
/// written by the writer's statements, and a snapshot changed behind the trail's back (its status, a task's due) is
/// reported with the column, while its hash chain is still intact.
/// </summary>
public abstract class SnapshotVerifyContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task A_snapshot_that_is_not_the_fold_of_its_trail_is_reported_by_verify()
    {
        await using var app = await StartAsync(EveryCommandScenario.Start);
        var (_, withdrawn) = await EveryCommandScenario.RunAsync(app);
        var open = await app.ReceiveLandTransferAsync();

        var clean = await app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails(null)));
        Assert.True(clean.Report!.IsClean, string.Join("; ", clean.Report.Broken.Select(b => b.Reason)));
        Assert.Equal(2, clean.Report.Cases);

        await using (var db = app.Db())
        {
            await db.Cases.Where(c => c.Id == withdrawn.Id).ExecuteUpdateAsync(
                u => u.SetProperty(c => c.Status, Engine.Runtime.CaseStatus.Open),
                TestContext.Current.CancellationToken);
            await db.Tasks.Where(t => t.CaseId == open.Id).ExecuteUpdateAsync(
                u => u.SetProperty(t => t.Due, (DateTimeOffset?)null), TestContext.Current.CancellationToken);
        }

        var tampered = await app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails(null)));
        Assert.Equal(2, tampered.Report!.Broken.Count);
        var status = Assert.Single(tampered.Report.Broken, b => b.CaseId == withdrawn.Id);
        Assert.Contains("status is Open in the snapshot", status.Reason, StringComparison.Ordinal);
        var due = Assert.Single(tampered.Report.Broken, b => b.CaseId == open.Id);
        Assert.Contains("due is empty in the snapshot", due.Reason, StringComparison.Ordinal);
    }
}

public sealed class SqliteSnapshotVerifyTests() : SnapshotVerifyContract(StorageProvider.Sqlite);

public sealed class PostgresSnapshotVerifyTests() : SnapshotVerifyContract(StorageProvider.Postgres);
