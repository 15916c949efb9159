using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>The trail's hash chain as stored, and finding the trails to verify.</summary>
public abstract class TrailContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly Actor Admin = new("admin.hp", [new Membership("HP", "admin")]);

    [Fact]
    public async Task Each_event_chains_to_the_one_before_and_a_changed_payload_breaks_the_chain_there()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));
        await app.SendAsync(People.OfficerCn1, new ActOnCase(received.Id, "send-to-tax"));
        await using var db = app.Db();
        var events = await db.Events.OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TrailHash.Genesis, events[0].PreviousHash);
        Assert.All(events.Zip(events.Skip(1)), p => Assert.Equal(p.First.Hash, p.Second.PreviousHash));
        Assert.All(events, e => Assert.Equal(TrailHash.Compute(e), e.Hash));
        Assert.True((await TrailVerifier.VerifyAsync(db, received.Id, TestContext.Current.CancellationToken)).IsClean);

        var sendToTax = events.Single(e => e.Type == "task-completed"
            && e.Payload.Contains("send-to-tax", StringComparison.Ordinal));
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE events SET payload = REPLACE(payload, 'send-to-tax', 'skip-tax') WHERE sequence = {0}",
            [sendToTax.Sequence], TestContext.Current.CancellationToken);

        var report = await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken);
        var broken = Assert.Single(report.Broken);
        Assert.Equal((received.Id, sendToTax.Sequence), (broken.CaseId, broken.Sequence));
    }

    [Fact]
    public async Task A_trail_is_located_by_case_id_or_dossier_code_and_an_unknown_one_is_not_found()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();

        var byId = await app.AsAsync(People.Auditor, m => m.Send(new LocateTrails(received.Id)));
        var byCode = await app.AsAsync(Admin, m => m.Send(new LocateTrails(received.DossierCode)));
        var all = await app.AsAsync(People.Auditor, m => m.Send(new LocateTrails(null)));
        var unknown = await app.AsAsync(People.Auditor, m => m.Send(new LocateTrails("HP.LECHAN-260302-0099")));

        Assert.Equal(new TrailLocation(received.Id, null), byId);
        Assert.Equal(new TrailLocation(received.Id, null), byCode);
        Assert.Equal(new TrailLocation(null, null), all);
        Assert.Equal((null, LocateTrails.NotFound), (unknown.CaseId, unknown.Rejection?.Code));
    }

    [Fact]
    public async Task Only_auditors_and_admins_may_locate_trails()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();

        var clerk = await app.AsAsync(People.ClerkLeChan, m => m.Send(new LocateTrails(received.Id)));
        var anonymous = await app.AsAsync(null, m => m.Send(new LocateTrails(received.Id)));

        Assert.Equal((null, "forbidden"), (clerk.CaseId, clerk.Rejection?.Code));
        Assert.Equal((null, "unauthenticated"), (anonymous.CaseId, anonymous.Rejection?.Code));
    }

    [Fact]
    public async Task A_database_without_the_schema_has_no_trails_to_locate()
    {
        var located = await AsOnEmptyDatabaseAsync(Admin, m => m.Send(new LocateTrails(null)));

        Assert.Equal((null, LocateTrails.NoSchema), (located.CaseId, located.Rejection?.Code));
    }
}

public sealed class SqliteTrailTests() : TrailContract(StorageProvider.Sqlite);

public sealed class PostgresTrailTests() : TrailContract(StorageProvider.Postgres);
