using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The audit page's "Bộ chỉ số 766" section on the demo data: the six indicators with their formulas, by unit and 2.2
/// by procedure, in Vietnamese (decimal commas) and English, at 1440 px and on a 390 px phone, and the XLSX of the
/// indicators by unit. Screenshots go to tests/artifacts/audit.
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class Decision766Tests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "audit");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_766_indicators_show_with_their_formulas_in_both_languages_and_export_as_xlsx()
    {
        var page = await _browser.SignInAsync("auditor", width: 1440);
        await _browser.OpenAsync(page, "/audit");
        var section = page.Locator("#indicators-766");
        await Assertions.Expect(section).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("h6")).ToHaveTextAsync("Bộ chỉ số 766");

        Assert.Equal(["2.1", "2.2", "3.3", "4.1", "4.2", "5.4"], await section.Locator(".figure.indicator")
            .EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.indicator)"));
        foreach (var id in new[] { "2-1", "3-3", "4-2", "5-4" })
        {
            await Assertions.Expect(page.Locator($"#ind-{id} .figure-value")).ToHaveTextAsync(VietnamesePercent());
        }

        await Assertions.Expect(page.Locator("#ind-2-2 .figure-value")).ToHaveTextAsync(VietnameseDays());
        Assert.StartsWith("100 % − tỷ lệ hồ sơ quá hạn", await page.GetAttributeAsync("#ind-5-4", "title"),
            StringComparison.Ordinal);
        Assert.Contains("UBND phường Lê Chân", await page.InnerTextAsync("#indicators-table"),
            StringComparison.Ordinal);
        Assert.Contains("Đăng ký biến động", await page.InnerTextAsync("#processing-table"), StringComparison.Ordinal);
        Assert.DoesNotContain("HP.", await section.InnerTextAsync(), StringComparison.Ordinal);
        await section.Locator("#formulas-766 summary").ClickAsync();
        await Assertions.Expect(page.Locator("#formulas-766 dd").First).ToBeVisibleAsync();
        await _browser.ShotAsync(page, "766-vi-1440");

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.ClickAsync("#indicators-exports a[href*='indicators.xlsx']"));
        var file = Path.Combine(Chromium.ArtifactsFolder("audit"), "indicators-766.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = new XLWorkbook(file))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal("2.1 Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (%)", sheet.Cell(1, 2).GetString());
            Assert.Equal("Tất cả đơn vị", sheet.RowsUsed().Last().Cell(1).GetString());
            Assert.True(sheet.RowsUsed().Last().Cell(2).DataType == XLDataType.Number);
        }

        await page.SetViewportSizeAsync(390, 1000);
        await _browser.OpenAsync(page, "/audit");
        await Assertions.Expect(section).ToBeVisibleAsync();
        await _browser.ShotAsync(page, "766-vi-390");

        await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString("/audit")}");
        await Assertions.Expect(section.Locator("h6")).ToHaveTextAsync("Decision 766 indicators");
        await Assertions.Expect(page.Locator("#ind-2-1 .figure-value")).ToHaveTextAsync(EnglishPercent());
        Assert.StartsWith("100 % − the overdue rate", await page.GetAttributeAsync("#ind-5-4", "title"),
            StringComparison.Ordinal);
        await _browser.ShotAsync(page, "766-en-390");
        await page.SetViewportSizeAsync(1440, 1000);
        await _browser.OpenAsync(page, "/audit");
        await Assertions.Expect(section).ToBeVisibleAsync();
        await _browser.ShotAsync(page, "766-en-1440");
    }

    [GeneratedRegex(@"^\d+(,\d)? %$")]
    private static partial Regex VietnamesePercent();

    [GeneratedRegex(@"^\d+(\.\d)? %$")]
    private static partial Regex EnglishPercent();

    [GeneratedRegex(@"^(\d+(,\d+)? ngày làm việc|—)$")]
    private static partial Regex VietnameseDays();
}
