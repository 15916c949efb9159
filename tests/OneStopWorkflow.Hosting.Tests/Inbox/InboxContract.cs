using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Inbox;

/// <summary>A unit's inbox read from the store: its open tasks, soonest due first, a page at a time.</summary>
public abstract class InboxContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task The_inbox_lists_a_units_open_tasks_soonest_due_first_with_their_status()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var first = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T14:00:00+07:00"));
        var second = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-02T16:00:00+07:00").AddDays(1));
        var third = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-06T08:30:00+07:00"));

        var inbox = await app.AsAsync(People.OfficerCn1, m => m.Send(new GetInbox("HP.VPDKDD.CN1")));

        Assert.Null(inbox.Rejection);
        Assert.Equal([first.DossierCode, second.DossierCode, third.DossierCode],
            inbox.Items.Select(i => i.DossierCode));
        Assert.True(inbox.Items.Zip(inbox.Items.Skip(1)).All(p => p.First.Due <= p.Second.Due));
        Assert.Equal("due-soon", inbox.Items[0].DeadlineStatus);
        Assert.All(inbox.Items, i => Assert.Equal("land-review", i.Step));

        var page = await app.AsAsync(People.OfficerCn1,
            m => m.Send(new GetInbox("HP.VPDKDD.CN1") { Skip = 1, Limit = 1 }));
        Assert.Equal((3, second.DossierCode), (page.Total, Assert.Single(page.Items).DossierCode));
        var past = await app.AsAsync(People.OfficerCn1,
            m => m.Send(new GetInbox("HP.VPDKDD.CN1") { Skip = 3, Limit = 5 }));
        Assert.Equal((3, 0), (past.Total, past.Items.Length));
    }
}

public sealed class SqliteInboxTests() : InboxContract(StorageProvider.Sqlite);

public sealed class PostgresInboxTests() : InboxContract(StorageProvider.Postgres);
