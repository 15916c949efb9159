using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopWorkflow.Designer.Demo;
using OneStopWorkflow.Hosting.EResults;
using OneStopWorkflow.Persistence.Storage;
using static Microsoft.Playwright.Assertions;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 19, point 5: a land transfer finished through the API gets its electronic result filed; the citizen's
/// lookup page offers "Tải kết quả điện tử (PDF)" and the PDF downloads; the clerk's case page links it too. The
/// pages are shot in Vietnamese and English at 1440 px and on a 390 px phone (tests/artifacts/e-result).
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class EResultTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "e-result");

    /// <summary>How long a page may take to show what is awaited on a machine shared with other builds.</summary>
    private const float Wait = 30_000;

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_lookup_page_offers_the_e_result_and_the_pdf_downloads()
    {
        var ct = TestContext.Current.CancellationToken;
        var (caseId, code, secret) = await FinishedLandTransferAsync();

        // The filer runs in the app every 30 s; the test runs its pass now rather than wait for it.
        var citizen = await _browser.PageAsync(1440);
        await LookUpAsync(citizen, code, secret);
        await Expect(citizen.Locator("#e-result-download")).ToHaveCountAsync(0);
        Assert.True(await app.Services.GetRequiredService<EResultFiler>().FileOnceAsync(ct) >= 1, app.Log);

        await LookUpAsync(citizen, code, secret);
        await Expect(citizen.Locator("#e-result-download"))
            .ToContainTextAsync("Tải kết quả điện tử (PDF)", new() { Timeout = Wait });
        await _browser.ShotAsync(citizen, "01-lookup-vi-1440");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.ClickAsync("#e-result-download"));
        Assert.Equal($"ket-qua-{code}.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(Chromium.ArtifactsFolder("e-result"), "02-downloaded.pdf");
        await download.SaveAsAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), (await File.ReadAllBytesAsync(pdf, ct))[..5]);
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains(LandTransferFields.Complete["applicant_name"], text, StringComparison.Ordinal);
        Assert.Equal(1, Pdf.Pages(await Pdf.InfoAsync(pdf)));
        // The secret was posted, never put in an address.
        Assert.DoesNotContain(secret, citizen.Url, StringComparison.Ordinal);

        await _browser.OpenAsync(citizen, $"/culture/en?returnUrl={Uri.EscapeDataString("/tra-cuu")}");
        await LookUpAsync(citizen, code, secret);
        await Expect(citizen.Locator("#e-result-download"))
            .ToContainTextAsync("Download the electronic result (PDF)", new() { Timeout = Wait });
        await _browser.ShotAsync(citizen, "03-lookup-en-1440");

        var phone = await _browser.PageAsync(390);
        await LookUpAsync(phone, code, secret);
        await Expect(phone.Locator("#e-result-download")).ToBeVisibleAsync(new() { Timeout = Wait });
        await _browser.ShotAsync(phone, "04-lookup-vi-390");

        var clerk = await _browser.SignInAsync("clerk.lechan", 1440);
        await _browser.OpenAsync(clerk, $"/cases/{caseId}");
        await Expect(clerk.Locator("#case-e-result"))
            .ToContainTextAsync("Tải kết quả điện tử (PDF)", new() { Timeout = Wait });
        await Expect(clerk.Locator("#case-timeline"))
            .ToContainTextAsync("Lưu kết quả điện tử", new() { Timeout = Wait });
        await _browser.ShotAsync(clerk, "05-case-vi-1440");
        var staffDownload = await clerk.RunAndWaitForDownloadAsync(
            () => clerk.ClickAsync("#case-e-result-download"));
        var staffPdf = Path.Combine(Chromium.ArtifactsFolder("e-result"), "06-staff.pdf");
        await staffDownload.SaveAsAsync(staffPdf);
        Assert.Equal(await File.ReadAllBytesAsync(pdf, ct), await File.ReadAllBytesAsync(staffPdf, ct));
        await _browser.OpenAsync(clerk, $"/culture/en?returnUrl={Uri.EscapeDataString($"/cases/{caseId}")}");
        await Expect(clerk.Locator("#case-e-result"))
            .ToContainTextAsync("Download the electronic result (PDF)", new() { Timeout = Wait });
        await _browser.ShotAsync(clerk, "07-case-en-1440");
        var clerkPhone = await _browser.SignInAsync("clerk.lechan", 390);
        await _browser.OpenAsync(clerkPhone, $"/cases/{caseId}");
        await Expect(clerkPhone.Locator("#case-e-result-download")).ToBeVisibleAsync(new() { Timeout = Wait });
        await _browser.ShotAsync(clerkPhone, "08-case-vi-390");
    }

    [Fact]
    public async Task The_api_serves_the_pdf_as_an_attachment_only_for_the_right_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, code, secret) = await FinishedLandTransferAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var early = await http.PostAsync("/api/lookup/e-result", Form(code, secret), ct);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Contains("chưa có kết quả điện tử", await early.Content.ReadAsStringAsync(ct),
            StringComparison.Ordinal);
        await app.Services.GetRequiredService<EResultFiler>().FileOnceAsync(ct);

        var posted = await http.PostAsync("/api/lookup/e-result", Form(code, secret), ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("application/pdf", posted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", posted.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", posted.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await posted.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        var json = await http.PostAsJsonAsync("/api/lookup/e-result", new { code, secret }, ct);
        Assert.Equal(bytes, await json.Content.ReadAsByteArrayAsync(ct));
        var get = await http.GetAsync(
            $"/api/lookup/e-result?code={Uri.EscapeDataString(code)}&secret={Uri.EscapeDataString(secret)}", ct);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync(ct));

        var wrong = await http.PostAsync("/api/lookup/e-result",
            Form(code, secret == "00000000" ? "11111111" : "00000000"), ct);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var missing = await http.PostAsync("/api/lookup/e-result", new StringContent("x"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var anonymous = await direct.GetAsync($"/cases/anything/e-result", ct);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized,
            $"{anonymous.StatusCode}");
    }

    private static FormUrlEncodedContent Form(string code, string secret) =>
        new(new Dictionary<string, string> { ["code"] = code, ["secret"] = secret });

    private async Task LookUpAsync(IPage page, string code, string secret)
    {
        // The lookup limit counts ten a minute from one address (this machine's): each lookup gets a minute of its
        // own on the demo clock, which moves only forward.
        var clock = app.Services.GetRequiredService<DemoClock>();
        clock.Fixed = (clock.Fixed ?? DateTimeOffset.UtcNow).AddMinutes(1);
        await _browser.OpenAsync(page, $"/tra-cuu?code={Uri.EscapeDataString(code)}");
        await page.FillAsync("#lookup-secret", secret);
        await page.PressAsync("#lookup-secret", "Tab");
        await page.ClickAsync("#lookup-find");
        await Expect(page.Locator("#lookup-status"))
            .ToContainTextAsync(new Regex("(Đã kết thúc|Finished)"), new() { Timeout = Wait });
    }

    /// <summary>A land transfer received and carried to its result through the API: its id, code and secret.</summary>
    private async Task<(string Id, string Code, string Secret)> FinishedLandTransferAsync()
    {
        var created = await _browser.ReceiveLandTransferAsync();
        var caseId = created.GetProperty("id").GetString()!;
        foreach (var (user, action) in new[]
                 {
                     ("officer.cn1", "send-to-tax"), ("officer.cn1", "tax-paid"), ("officer.cn1", "submit"),
                     ("leader.cn1", "approve"), ("clerk.lechan", "deliver"),
                 })
        {
            using var http = await _browser.ApiAsync(user);
            var acted = await http.PostAsJsonAsync($"/api/cases/{caseId}/act", new { action });
            Assert.True(acted.IsSuccessStatusCode, $"{user} {action}: {await acted.Content.ReadAsStringAsync()}");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var receipt = await db.Documents.SingleAsync(
            d => d.CaseId == caseId && d.Document == "receipt", TestContext.Current.CancellationToken);
        return (caseId, created.GetProperty("dossierCode").GetString()!,
            Secret().Match(receipt.Content).Groups[1].Value);
    }

    [GeneratedRegex("mã tra cứu <strong>([0-9a-f]{8})</strong>")]
    private static partial Regex Secret();
}
