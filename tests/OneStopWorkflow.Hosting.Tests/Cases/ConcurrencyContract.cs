using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>Optimistic concurrency: of the commands racing on a case, one commits and the others must reload.</summary>
public abstract class ConcurrencyContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task Two_commands_on_the_same_case_at_once_commit_exactly_one_and_the_other_is_told_to_reload()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));

        // Both read the case at the same version, then both try to commit.
        var outcomes = await Task.WhenAll(
            Attempt(new ActOnCase(received.Id, "send-to-tax") { ExpectedVersion = received.Version }),
            Attempt(new ActOnCase(received.Id, "send-to-tax") { ExpectedVersion = received.Version }),
            Attempt(new WithdrawCase(received.Id, "Hủy hợp đồng") { ExpectedVersion = received.Version },
                People.ClerkLeChan));

        Assert.Equal(1, outcomes.Count(o => o is CaseResult { IsRejected: false }));
        Assert.All(outcomes.Where(o => o is not CaseResult { IsRejected: false }), o => Assert.Contains("reload",
            o switch
            {
                ConcurrencyConflictException ex => ex.Message,
                CaseResult r => string.Join("; ", r.Rejections),
                _ => o.ToString()!,
            }, StringComparison.OrdinalIgnoreCase));
        await using var db = app.Db();
        var events = await db.Events.Where(e => e.CaseId == received.Id)
            .CountAsync(TestContext.Current.CancellationToken);
        var row = await db.Cases.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(row.Version, events);
        Assert.True((await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken)).IsClean);

        async Task<object> Attempt(ICaseRequest request, Actor? actor = null)
        {
            try
            {
                return await app.SendAsync(actor ?? People.OfficerCn1, request);
            }
            catch (ConcurrencyConflictException ex)
            {
                return ex;
            }
        }
    }
}

public sealed class SqliteConcurrencyTests() : ConcurrencyContract(StorageProvider.Sqlite);

public sealed class PostgresConcurrencyTests() : ConcurrencyContract(StorageProvider.Postgres);
