using ClosedXML.Excel;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// An auditor on the dashboard: drills from the overdue figure to the case and its control slip, and downloads the
/// XLSX of the cases shown, which a real XLSX reader opens. Screenshots go to tests/artifacts/audit.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class AuditTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "audit");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_auditor_drills_from_overdue_to_the_control_slip_and_downloads_the_rows_shown()
    {
        var page = await _browser.SignInAsync("auditor", width: 1500);
        await _browser.OpenAsync(page, "/audit");
        await Assertions.Expect(page.Locator("#fig-overdue")).ToBeVisibleAsync();
        await _browser.ShotAsync(page, "01-dashboard");

        await page.ClickAsync("#fig-overdue");
        await Assertions.Expect(page.Locator("#drill-table tbody tr").First).ToBeVisibleAsync();
        var shown = await page.Locator("#drill-table tbody tr")
            .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.dossier)");
        await _browser.ShotAsync(page, "02-overdue-cases");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#drill-xlsx"));
        var file = Path.Combine(Chromium.ArtifactsFolder("audit"), "overdue.xlsx");
        await download.SaveAsAsync(file);

        var verify = await page.GetAttributeAsync($"a[data-verify='{shown[0]}']", "href");
        var slip = await page.GetAttributeAsync($"a[data-slip='{shown[0]}']", "href");
        await page.GotoAsync(_browser.Url(slip!));
        Assert.Contains(
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            (await page.InnerTextAsync("h1")).ToUpperInvariant(),
            StringComparison.Ordinal);
        Assert.Contains(shown[0], await page.ContentAsync(), StringComparison.Ordinal);
        await _browser.ShotAsync(page, "03-control-slip");
        await page.GotoAsync(_browser.Url(verify!));
        Assert.Contains("the trail is intact", await page.InnerTextAsync("body"), StringComparison.Ordinal);

        using var workbook = new XLWorkbook(file);
        var rows = workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToArray();
        Assert.Equal(shown, rows);
        Assert.Equal("Mã hồ sơ", workbook.Worksheet(1).Cell(1, 1).GetString());
    }

    [Fact]
    public async Task The_auditor_sees_no_command_and_every_change_is_refused()
    {
        var page = await _browser.SignInAsync("auditor");
        await _browser.OpenAsync(page, "/audit");
        await page.ClickAsync("#fig-received");
        var caseLink = await page.GetAttributeAsync("#drill-table tbody tr a", "href");
        await _browser.OpenAsync(page, caseLink!);

        await Assertions.Expect(page.Locator("#no-actions")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#hand-up").CountAsync());
        await page.GotoAsync(_browser.Url("/reception"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Bạn không có quyền xem trang này.");
        Assert.Equal(0, await page.Locator("#call-next").CountAsync());
    }
}
