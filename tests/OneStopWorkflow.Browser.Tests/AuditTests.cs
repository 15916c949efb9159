using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// An auditor on the dashboard: drills from the overdue figure to the case and its control slip, and downloads the
/// XLSX of the cases shown, which a real XLSX reader opens; reads the charts and opens a unit's cases from its bar
/// (issue 18, point 6). Screenshots go to tests/artifacts/audit.
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class AuditTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
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

    [Fact]
    public async Task Issue_18_the_charts_are_the_librarys_svg_in_both_languages_and_a_units_bar_opens_its_cases()
    {
        var page = await _browser.SignInAsync("auditor", width: 1440);
        await _browser.OpenAsync(page, "/audit");
        await Assertions.Expect(page.Locator("#chart-months svg.mud-chart-line")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-months svg path.mud-chart-line").First).ToBeAttachedAsync();
        await BarsDrawnAsync(page, "#chart-units");
        await BarsDrawnAsync(page, "#chart-steps");

        await Assertions.Expect(page.Locator("#fig-satisfaction")).ToHaveTextAsync(VietnameseRating());
        await Assertions.Expect(page.Locator("#fig-rate")).ToHaveTextAsync(VietnamesePercent());
        var unitLabels = await page.Locator("#chart-units .mud-charts-xaxis text").AllTextContentsAsync();
        Assert.Contains("UBND phường Lê Chân", unitLabels);
        Assert.DoesNotContain(unitLabels, l => l.Contains("HP.", StringComparison.Ordinal));
        Assert.All(await page.Locator("#chart-units .mud-chart-value-label").AllTextContentsAsync(),
            value => Assert.Matches(VietnamesePercent(), value));
        Assert.Contains("Mục tiêu 95 %", await page.InnerTextAsync("#chart-months"), StringComparison.Ordinal);
        await _browser.ShotAsync(page, "charts-vi-1440");

        // The first bar is the worst unit's; clicking it lists that unit's cases and nobody else's.
        var first = (await page.Locator("#chart-units tr[data-bar='0'] td").First.TextContentAsync())!.Trim();
        // A bar is a stroked line, with no area of its own for Playwright's visibility check: the mouse clicks it.
        await page.Locator("#chart-units path.mud-chart-bar").First.ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("#drill-title")).ToContainTextAsync(first);
        var units = await page.Locator("#drill-table tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(units);
        Assert.All(units, unit => Assert.Equal(first, unit.Trim()));
        await _browser.ShotAsync(page, "charts-vi-1440-unit-cases");

        await page.SetViewportSizeAsync(390, 1000);
        await _browser.OpenAsync(page, "/audit");
        await BarsDrawnAsync(page, "#chart-units");
        await _browser.ShotAsync(page, "charts-vi-390");

        await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString("/audit")}");
        await Assertions.Expect(page.Locator("#fig-satisfaction")).ToHaveTextAsync(EnglishRating());
        await BarsDrawnAsync(page, "#chart-units");
        Assert.Contains("Target 95 %", await page.InnerTextAsync("#chart-months"), StringComparison.Ordinal);
        await _browser.ShotAsync(page, "charts-en-390");
        await page.SetViewportSizeAsync(1440, 1000);
        await _browser.OpenAsync(page, "/audit");
        await BarsDrawnAsync(page, "#chart-steps");
        await _browser.ShotAsync(page, "charts-en-1440");
    }

    [Fact]
    public async Task Issue_18_the_provinces_tracking_book_lists_the_cases_of_its_units_on_the_demo_data()
    {
        var page = await _browser.SignInAsync("auditor");
        await _browser.OpenAsync(page, "/audit");
        var book = await page.GetAttributeAsync("#tracking-book", "href");
        Assert.Contains("unit=HP&", book, StringComparison.Ordinal);

        await page.GotoAsync(_browser.Url(book!));
        var text = await page.ContentAsync();
        Assert.Contains("UBND thành phố Hải Phòng", text, StringComparison.Ordinal);
        Assert.Contains("HP.LECHAN-", text, StringComparison.Ordinal);
        Assert.Contains("HP.HONGAN-", text, StringComparison.Ordinal);
        await _browser.ShotAsync(page, "tracking-book-province");
    }

    /// <summary>The chart is the library's SVG, with bars drawn in it.</summary>
    private static async Task BarsDrawnAsync(IPage page, string chart)
    {
        await Assertions.Expect(page.Locator($"{chart} svg.mud-chart-bar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"{chart} svg path.mud-chart-bar").First).ToBeAttachedAsync();
    }

    [GeneratedRegex(@"^(\d,\d|—) / 5 \(\d+ lượt\)$")]
    private static partial Regex VietnameseRating();

    [GeneratedRegex(@"^(\d\.\d|—) / 5 \(\d+ ratings\)$")]
    private static partial Regex EnglishRating();

    [GeneratedRegex(@"^\d+(,\d)? %$")]
    private static partial Regex VietnamesePercent();
}
