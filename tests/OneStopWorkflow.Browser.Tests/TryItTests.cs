using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 18 point 4: try-it as a story. A sample of land-use-transfer runs and reads as a timeline (step titles,
/// due times, timeliness words, an issued document's preview) in Vietnamese and English; a scenario composed in the
/// form, with no JSON typed, runs too; and the page holds on a phone. Screenshots: tests/artifacts/designer/tryit-*.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class TryItTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private const string Designer = "/designer/land-use-transfer/1";
    private readonly AppBrowser _browser = new(app, "designer");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Issue_18_a_sample_runs_as_a_timeline_in_both_languages_and_a_composed_scenario_runs()
    {
        var page = await _browser.SignInAsync("policy", width: 1440);
        await _browser.OpenAsync(page, Designer);
        await RunSampleAsync(page);
        var timeline = page.Locator("#tryit-timeline");
        await Expect(timeline).ToContainTextAsync("Kiểm tra điều kiện, trích lục, chuyển thông tin thuế");
        await Expect(timeline).ToContainTextAsync("Hạn của bước: 06/03/2026 09:00");
        await Expect(timeline).ToContainTextAsync("Tính lại thời hạn từ đầu");
        await Expect(page.Locator(".tryit-status.tl-late").First).ToContainTextAsync("Quá hạn");
        await Expect(page.Locator(".tryit-status.tl-on-time").First).ToContainTextAsync("Đúng hạn");
        await Expect(page.Locator("#tryit-case-timeliness")).ToContainTextAsync("Sớm hạn");
        await page.Locator(".tryit-open-document").First.ClickAsync();
        await Expect(page.Locator("iframe.tryit-document").First)
            .ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("Giấy tiếp nhận hồ sơ"));
        await _browser.ShotAsync(page, "tryit-vi");

        await page.ClickAsync("#tryit-json");
        await Expect(page.Locator("#scenario-result")).ToContainTextAsync("\"dossierCode\"");
        await page.ClickAsync("#tryit-json");

        await ComposeAndRunAsync(page);
        await _browser.ShotAsync(page, "tryit-composed-vi");

        await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString(Designer)}");
        await RunSampleAsync(page);
        await Expect(timeline).ToContainTextAsync("Check conditions and send to tax");
        await Expect(timeline).ToContainTextAsync("Step due: 06/03/2026 09:00");
        await Expect(page.Locator(".tryit-status.tl-late").First).ToContainTextAsync("Late");
        await Expect(page.Locator("#tryit-case-timeliness")).ToContainTextAsync("Early");
        await page.Locator(".tryit-open-document").First.ClickAsync();
        await Expect(page.Locator("iframe.tryit-document").First)
            .ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("Giấy tiếp nhận hồ sơ"));
        await _browser.ShotAsync(page, "tryit-en");
    }

    [Fact]
    public async Task Issue_18_try_it_reads_on_a_phone()
    {
        var page = await _browser.SignInAsync("policy", width: 390);
        await _browser.OpenAsync(page, Designer);
        await RunSampleAsync(page);
        await Expect(page.Locator("#tryit-case-timeliness")).ToContainTextAsync("Sớm hạn");
        await _browser.ShotAsync(page, "tryit-phone");
    }

    private static async Task RunSampleAsync(IPage page)
    {
        await page.ClickAsync("#show-try");
        await page.SelectOptionAsync("#tryit-sample", "supplement-restart");
        await Expect(page.Locator("#tryit-receipt-at")).ToHaveValueAsync("02/03/2026 09:00");
        await page.ClickAsync("#run-scenario");
        await Expect(page.Locator("#tryit-summary")).ToContainTextAsync("HP.LECHAN-260302-0007");
    }

    /// <summary>A new dossier, then the land officer sends it to tax, all chosen in the form: no JSON typed.</summary>
    private static async Task ComposeAndRunAsync(IPage page)
    {
        await page.ClickAsync("#tryit-new");
        await Expect(page.Locator("#tryit-field-applicant_name")).ToHaveValueAsync("Nguyễn Văn An");
        await page.ClickAsync("#tryit-add-command");
        var row = page.Locator(".tryit-command[data-index='0']");
        await row.Locator(".cmd-at").FillAsync("03/03/2026 10:00");
        await row.Locator(".cmd-unit").SelectOptionAsync("HP.VPDKDD.CN1");
        await row.Locator(".cmd-role").SelectOptionAsync("land-officer");
        await row.Locator(".cmd-step").SelectOptionAsync("land-review");
        await row.Locator(".cmd-action").SelectOptionAsync("send-to-tax");
        await page.ClickAsync("#run-scenario");
        var step = page.Locator(".tryit-step[data-step='land-review']").Locator("xpath=../..");
        await Expect(step).ToContainTextAsync("Chuyển cơ quan thuế");
        await Expect(step).ToContainTextAsync("03/03/2026 10:00");
        await Expect(page.Locator(".tryit-refusal")).ToHaveCountAsync(0);
        await Expect(page.Locator(".tryit-step[data-step='tax-obligation']")).ToHaveCountAsync(1);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
