using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>
/// Seven land transfers whose figures are counted by hand: A is returned early, B late, C withdrawn, D left overdue
/// (and escalated), E and F open within time, G paused while the tax is paid; F was received at another ward. The
/// citizen of A rated it 4.
/// </summary>
internal static class CountedPopulation
{
    public const string Start = "2026-03-02T08:00:00+07:00";

    /// <summary>The province, over the two months the population was received in.</summary>
    public static readonly AuditFilter Filter = new("HP", new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));

    /// <summary>Seeds the population on <paramref name="app"/>, started at <see cref="Start"/>: its case ids.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(TestApp app)
    {
        var ids = new Dictionary<string, string>();
        async Task Receive(string name, string at, Actor clerk, string unit)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var result = await app.SendAsync(clerk, new ReceiveCase("land-use-transfer", unit)
            {
                Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
            });
            Assert.False(result.IsRejected, string.Join("; ", result.Rejections));
            ids[name] = result.Case!.Id;
        }

        async Task Act(string name, string at, Actor actor, string action)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var result = await app.SendAsync(actor, new ActOnCase(ids[name], action));
            Assert.False(result.IsRejected, $"{name} {action}: {string.Join("; ", result.Rejections)}");
        }

        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            await Receive(name, "2026-03-02T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        }

        app.Clock.SetUtcNow(StoreContract.At("2026-03-03T09:00:00+07:00"));
        Assert.False((await app.SendAsync(People.ClerkLeChan, new WithdrawCase(ids["C"], "Hai bên hủy hợp đồng")))
            .IsRejected);
        foreach (var (at, actor, action) in new[]
                 {
                     ("2026-03-04T10:00:00+07:00", People.OfficerCn1, "send-to-tax"),
                     ("2026-03-05T10:00:00+07:00", People.OfficerCn1, "tax-paid"),
                     ("2026-03-06T15:00:00+07:00", People.OfficerCn1, "submit"),
                     ("2026-03-09T09:00:00+07:00", People.LeaderCn1, "approve"),
                 })
        {
            await Act("A", at, actor, action);
            await Act("B", at, actor, action);
        }

        await Act("A", "2026-03-10T08:00:00+07:00", People.ClerkLeChan, "deliver");
        await Act("B", "2026-03-13T10:00:00+07:00", People.ClerkLeChan, "deliver");
        await Receive("G", "2026-03-25T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        await Act("G", "2026-03-26T09:00:00+07:00", People.OfficerCn1, "send-to-tax");
        await Receive("E", "2026-04-01T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        await Receive("F", "2026-04-01T09:30:00+07:00", People.ClerkHongAn, "HP.HONGAN");
        app.Clock.SetUtcNow(StoreContract.At("2026-04-02T10:00:00+07:00"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var pipeline = scope.ServiceProvider.GetRequiredService<CasePipeline>();
            Assert.Equal(
                3, (await pipeline.TickAsync(ids["D"], "test", TestContext.Current.CancellationToken)).Events / 2);
        }

        // The citizen of A rates it 4 with the code and secret on the receipt.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var a = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Cases
                .SingleAsync(c => c.Id == ids["A"], TestContext.Current.CancellationToken);
            var secret = await app.SecretOnReceiptAsync(a.Id);
            var rated = await app.AsAsync(null, m => m.Send(new RateCase(a.DossierCode, secret, 4, "Nhanh")));
            Assert.Null(rated.Rejection);
        }

        return ids;
    }
}
