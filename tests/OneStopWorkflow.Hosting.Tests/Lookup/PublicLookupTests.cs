using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Lookup;

/// <summary>
/// The lookup link on the receipt (issue 15, point 4): the configured public page with the dossier code, as text and
/// as a QR code that reads back to it; never a host only this machine can reach.
/// </summary>
public sealed partial class PublicLookupTests
{
    private const string Public = "https://motcua.haiphong.gov.vn/tra-cuu";

    [Theory]
    [InlineData("http://localhost:5080/tra-cuu")]
    [InlineData("https://LOCALHOST/tra-cuu")]
    [InlineData("http://127.0.0.1:5080/tra-cuu")]
    [InlineData("http://127.1.2.3/tra-cuu")]
    [InlineData("http://[::1]:5080/tra-cuu")]
    [InlineData("http://0.0.0.0:5080/tra-cuu")]
    [InlineData("http://motcua.localhost/tra-cuu")]
    [InlineData("/tra-cuu")]
    [InlineData("ftp://motcua.haiphong.gov.vn/tra-cuu")]
    [InlineData("https://motcua.haiphong.gov.vn/tra-cuu#ma")]
    public void A_configured_address_a_citizen_cannot_reach_stops_the_start_saying_what_to_set(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OneStopServiceCollectionExtensions.ReadOptions(
            new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["OneStop:PublicLookupUrl"] = url }).Build()));

        Assert.Contains("OneStop:PublicLookupUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_address_prints_the_national_portal_never_a_local_host()
    {
        var options = OneStopServiceCollectionExtensions.ReadOptions(new ConfigurationBuilder().Build());

        Assert.Null(options.PublicLookupUrl);
        var link = PublicLookup.PageOf(options).LinkTo("HP.LECHAN-260302-0001");
        Assert.Equal("https://dichvucong.gov.vn/?code=HP.LECHAN-260302-0001", link);
        Assert.Null(PublicLookup.Problem(PublicLookup.Fallback));
    }

    [Fact]
    public async Task The_receipt_prints_the_link_with_the_dossier_code_and_a_qr_code_that_reads_back_to_it()
    {
        await using var app = await TestApp.StartAsync(
            await TestApp.DatabaseAsync(StorageProvider.Sqlite), StoreContract.At("2026-03-02T09:00:00+07:00"),
            new() { ["OneStop:PublicLookupUrl"] = Public });
        var received = await app.ReceiveLandTransferAsync();

        var receipt = await ReceiptAsync(app, received.Id);
        var link = Public + "?code=" + received.DossierCode;
        Assert.Contains($"<span class=\"link\">{link}</span>", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", receipt, StringComparison.OrdinalIgnoreCase);
        var image = QrImage().Match(receipt);
        Assert.True(image.Success, "The receipt shows no QR code image.");
        Assert.Equal(link, QrCodes.DecodeSvg(image.Groups[1].Value));
    }

    [Fact]
    public async Task Without_a_configured_address_the_receipt_still_carries_a_reachable_link()
    {
        await using var app = await TestApp.StartAsync(
            await TestApp.DatabaseAsync(StorageProvider.Sqlite), StoreContract.At("2026-03-02T09:00:00+07:00"));
        var received = await app.ReceiveLandTransferAsync();

        var receipt = await ReceiptAsync(app, received.Id);
        var image = QrImage().Match(receipt);
        Assert.True(image.Success, "The receipt shows no QR code image.");
        Assert.Equal(PublicLookup.Fallback + "?code=" + received.DossierCode,
            QrCodes.DecodeSvg(image.Groups[1].Value));
        Assert.DoesNotContain("localhost", receipt, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> ReceiptAsync(TestApp app, string caseId)
    {
        await using var db = app.Db();
        return await db.Documents.Where(d => d.CaseId == caseId && d.Document == "receipt")
            .Select(d => d.Content).SingleAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("""<img src="(data:image/svg\+xml;base64,[A-Za-z0-9+/=]+)" alt="Mã QR""")]
    private static partial Regex QrImage();
}
