using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Writing;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>
/// The case writer's batch: commands queued while it works are decided and written in one transaction, each its
/// own all-or-nothing unit. A command whose paperwork fails to render (it is rendered off the writer's loop) is
/// refused alone; the others of its batch, the same case twice among them, are written and answered.
/// </summary>
public abstract class WriterBatchContract(StorageProvider provider) : StoreContract(provider)
{
    private readonly StorageProvider _provider = provider;

    [Fact]
    public async Task A_command_whose_paperwork_fails_is_refused_alone_and_the_rest_of_its_batch_is_written()
    {
        // One partition, so that every command of the test queues behind the one held (PostgreSQL has four).
        await using var app = await TestApp.StartAsync(
            await TestApp.DatabaseAsync(_provider), At("2026-03-02T09:00:00+07:00"),
            new() { ["OneStop:Writer:Partitions"] = "1" });
        var broken = await app.ReceiveLandTransferAsync();
        var other = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));
        var writer = app.Services.GetRequiredService<CaseWriter>();
        var commitsBefore = writer.Figures.CommandsPerCommit.GetValueOrDefault(4);

        // The writer is held inside a batch while four commands queue behind it; they form the next batch.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = writer.WriteAsync("holder", async (_, _) =>
        {
            entered.SetResult();
            await gate.Task;
            return new Written<int>(0, null);
        }, TestContext.Current.CancellationToken);
        await entered.Task;

        Task<int> failing, unchanged;
        Task<CaseResult> first, second;
        try
        {
            failing = writer.WriteAsync(broken.Id, async (session, token) =>
            {
                var stored = (await session.FindAsync(broken.Id, token))!;
                return new Written<int>(1, await UnchangedAsync(app, session, stored, token))
                {
                    Documents = () => throw new InvalidOperationException("The paperwork could not be rendered."),
                };
            }, TestContext.Current.CancellationToken);
            first = app.SendAsync(People.OfficerCn1, new ActOnCase(other.Id, "send-to-tax"));
            unchanged = writer.WriteAsync(broken.Id, async (session, token) =>
            {
                var stored = (await session.FindAsync(broken.Id, token))!;
                return new Written<int>(2, await UnchangedAsync(app, session, stored, token)) { Documents = () => [] };
            }, TestContext.Current.CancellationToken);
            second = app.SendAsync(People.OfficerCn1, new ActOnCase(other.Id, "tax-paid"));
            for (var waited = 0; writer.Waiting < 4; waited++)
            {
                Assert.True(waited < 3000, $"Only {writer.Waiting} command(s) reached the writer's queue.");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            // Never leave the writer held: the app's disposal waits for its loop.
            gate.TrySetResult();
        }

        await holder;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Contains("paperwork", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await unchanged);
        Assert.False((await first).IsRejected, string.Join("; ", (await first).Rejections));
        Assert.False((await second).IsRejected, string.Join("; ", (await second).Rejections));
        Assert.Equal(commitsBefore + 1, writer.Figures.CommandsPerCommit.GetValueOrDefault(4));

        await using var db = app.Db();
        var row = await db.Cases.SingleAsync(c => c.Id == other.Id, TestContext.Current.CancellationToken);
        Assert.Equal((await second).Case!.Version, row.Version);
        Assert.True((await first).Case!.Version > other.Version && row.Version > (await first).Case!.Version);
        Assert.Equal(broken.Version,
            (await db.Cases.SingleAsync(c => c.Id == broken.Id, TestContext.Current.CancellationToken)).Version);
        Assert.True((await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken)).IsClean);
    }

    /// <summary>A save that changes nothing: no event, the same state (its rows are rewritten as they are).</summary>
    private static async Task<CaseSave> UnchangedAsync(
        TestApp app, WriteSession session, StoredCase stored, CancellationToken cancellationToken)
    {
        var version = await app.Services.GetRequiredService<ProcedureCatalog>()
            .VersionOfAsync(session.Db, stored.Row, cancellationToken);
        return new CaseSave(
            stored, stored.State, [], stored.Row.NextDueAt, Array.Empty<RenderedDocument>(), "test", version.Calendar)
        {
            Procedure = version.Procedure,
        };
    }
}

public sealed class SqliteWriterBatchTests() : WriterBatchContract(StorageProvider.Sqlite);

public sealed class PostgresWriterBatchTests() : WriterBatchContract(StorageProvider.Postgres);
