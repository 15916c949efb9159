using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>The tracking book (Mẫu 07) of a unit holds the dossiers received there and at the units below it.</summary>
public sealed class TrackingBookTests
{
    [Fact]
    public async Task The_provinces_book_lists_the_dossiers_its_communes_received()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite),
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var received = await app.ReceiveLandTransferAsync();
        var day = new DateOnly(2026, 3, 2);

        var province = await app.AsAsync(People.Auditor, m => m.Send(new GetTrackingBook("HP", day, day)));
        var commune = await app.AsAsync(People.Auditor, m => m.Send(new GetTrackingBook("HP.LECHAN", day, day)));
        var other = await app.AsAsync(People.Auditor, m => m.Send(new GetTrackingBook("HP.HONGAN", day, day)));

        Assert.Contains(received.DossierCode, province.Html, StringComparison.Ordinal);
        Assert.Contains(received.DossierCode, commune.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(received.DossierCode, other.Html, StringComparison.Ordinal);
    }
}
