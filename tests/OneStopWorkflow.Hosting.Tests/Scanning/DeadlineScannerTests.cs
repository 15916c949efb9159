using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Scanning;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Scanning;

/// <summary>Scanners on one PostgreSQL database, on a fake clock: every escalation happens exactly once.</summary>
public sealed class DeadlineScannerTests
{
    private static readonly Dictionary<string, string?> SmallBatches = new() { ["OneStop:Scanner:Batch"] = "2" };

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static async Task<(TestApp App, List<string> Cases)> TwelveCasesAsync()
    {
        var app = await TestApp.StartAsync(
            await TestApp.DatabaseAsync(StorageProvider.Postgres), At("2026-03-02T08:00:00+07:00"), SmallBatches);
        var cases = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            app.Clock.SetUtcNow(At("2026-03-02T08:00:00+07:00").AddMinutes(37 * i));
            cases.Add((await app.ReceiveLandTransferAsync()).Id);
        }

        return (app, cases);
    }

    [Fact]
    public async Task Two_scanners_past_many_deadlines_fire_each_escalation_exactly_once()
    {
        var (app, cases) = await TwelveCasesAsync();
        await using var _ = app;
        app.Clock.SetUtcNow(At("2026-03-20T10:00:00+07:00"));

        var ticked = await Task.WhenAll(app.Scanner("scanner-a").ScanOnceAsync(TestContext.Current.CancellationToken),
            app.Scanner("scanner-b").ScanOnceAsync(TestContext.Current.CancellationToken));
        var again = await app.Scanner("scanner-c").ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(cases.Count, ticked.Sum());
        Assert.Equal(0, again);
        await using var db = app.Db();
        var fired = await db.Events.Where(e => e.Type == "escalation-fired").Select(e => new { e.CaseId, e.Payload })
            .ToListAsync(TestContext.Current.CancellationToken);
        var keys = fired.Select(f => (
                f.CaseId,
                Key: System.Text.Json.JsonDocument.Parse(f.Payload).RootElement.GetProperty("key").GetString()))
            .ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(cases, c => Assert.Equal(3, keys.Count(k => k.CaseId == c)));
        Assert.Equal(keys.Count, await db.EscalationClaims.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, (await db.EscalationClaims.Select(c => c.ClaimedBy).Distinct()
            .ToListAsync(TestContext.Current.CancellationToken)).Count);
        Assert.True((await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken)).IsClean);
        Assert.All(await db.Cases.ToListAsync(TestContext.Current.CancellationToken), c => Assert.Null(c.LeaseOwner));
    }

    [Fact]
    public async Task A_scanner_killed_between_claim_and_commit_loses_nothing_and_duplicates_nothing()
    {
        var (app, cases) = await TwelveCasesAsync();
        await using var _ = app;
        app.Clock.SetUtcNow(At("2026-03-20T10:00:00+07:00"));

        // The dead scanner's claim is committed; its ticks never are.
        await using (var db = app.Db())
        {
            var claimed = await ScanLeases.ClaimAsync(db, "dead", app.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), 5,
                TestContext.Current.CancellationToken);
            Assert.Equal(5, claimed.Count);
        }

        var whileLeased = await app.Scanner("live").ScanOnceAsync(TestContext.Current.CancellationToken);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterExpiry = await app.Scanner("live").ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((7, 5), (whileLeased, afterExpiry));
        await using var check = app.Db();
        var fired = await check.Events.Where(e => e.Type == "escalation-fired").GroupBy(e => e.CaseId)
            .Select(g => g.Count()).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Repeat(3, cases.Count), fired);
        Assert.DoesNotContain(
            await check.EscalationClaims.Select(c => c.ClaimedBy).ToListAsync(TestContext.Current.CancellationToken),
            c => c == "dead");
    }
}
