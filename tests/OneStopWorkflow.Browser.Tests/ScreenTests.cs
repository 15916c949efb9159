using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Every screen the workbench changed, as its people open it, in Vietnamese and in English, at 1440 px and on a
/// 390 px phone; screenshots go to tests/artifacts/screens. A Vietnamese page shows no login id and no English
/// refusal or status word.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class ScreenTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private static readonly string[] EnglishOnVietnamese =
        ["Field '", "is required", "must be", "No dossier", ">open<", ">paused<", ">finished<", "clerk.lechan"];

    private readonly AppBrowser _browser = new(app, "screens");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Theory]
    [InlineData("clerk.lechan", "/inbox")]
    [InlineData("clerk.lechan", "/reception")]
    [InlineData("clerk.lechan", "/receive")]
    [InlineData("officer.cn1", "/inbox")]
    [InlineData("auditor", "/audit")]
    public async Task A_screen_reads_in_the_persons_language_on_a_desk_and_on_a_phone(string user, string path)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            var page = await _browser.SignInAsync(user, width);
            await _browser.OpenAsync(page, path);
            var vietnamese = await page.InnerTextAsync("body");
            await _browser.ShotAsync(page, $"{user}{path.Replace('/', '-')}-vi-{width}");
            Assert.All(EnglishOnVietnamese, fragment =>
                Assert.DoesNotContain(fragment, vietnamese, StringComparison.Ordinal));

            await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString(path)}");
            await _browser.ShotAsync(page, $"{user}{path.Replace('/', '-')}-en-{width}");
            Assert.Contains("Tiếng Việt", await page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reception_queue_shows_every_state_in_words_as_a_table_on_a_desk_and_cards_on_a_phone()
    {
        await QueueInEveryStateAsync();
        foreach (var width in new[] { 1440, 390 })
        {
            var page = await _browser.SignInAsync("clerk.lechan", width);
            await _browser.OpenAsync(page, "/reception");
            var table = page.Locator("#queue-table");
            foreach (var state in new[] { "Đang chờ", "Đang gọi", "Đã phục vụ (nộp hồ sơ)", "Vắng mặt" })
            {
                await Assertions.Expect(table).ToContainTextAsync(state);
            }

            await Assertions.Expect(table).ToContainTextAsync("Nguyễn Thị Lan");
            await Assertions.Expect(table).ToContainTextAsync("HP.LECHAN-");
            // On a phone each ticket is a card whose cells carry their labels; the header row is gone.
            var header = Assertions.Expect(page.Locator("#queue-table thead"));
            await (width == 390 ? header.Not.ToBeVisibleAsync() : header.ToBeVisibleAsync());
            var vietnamese = await page.InnerTextAsync("body");
            await _browser.ShotAsync(page, $"clerk.lechan-reception-queue-vi-{width}");
            Assert.All(EnglishOnVietnamese.Concat(["waiting", "called", "served", "skipped", "dossier"]),
                fragment => Assert.DoesNotContain(fragment, vietnamese, StringComparison.Ordinal));

            await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString("/reception")}");
            await Assertions.Expect(page.Locator("#queue-table")).ToContainTextAsync("Skipped");
            await _browser.ShotAsync(page, $"clerk.lechan-reception-queue-en-{width}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Lê Chân today: a ticket served with a dossier, one skipped, one called, the rest waiting.</summary>
    private async Task QueueInEveryStateAsync()
    {
        using var api = await _browser.ApiAsync("clerk.lechan");
        async Task<JsonElement> PostAsync(string path, object body)
        {
            var response = await api.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        async Task<long> CallAsync() =>
            (await PostAsync("/api/reception/HP.LECHAN/calls", new { counter = 2 })).GetProperty("id").GetInt64();

        await PostAsync("/api/reception/HP.LECHAN/tickets", new { });
        var served = await CallAsync();
        var caseId = (await _browser.ReceiveLandTransferAsync()).GetProperty("id").GetString();
        await PostAsync($"/api/reception/tickets/{served}/visit", new { visit = "dossier", caseId });
        await PostAsync($"/api/reception/tickets/{await CallAsync()}/skip", new { });
        await CallAsync();
    }

    [Fact]
    public async Task A_case_page_names_people_and_states_in_words_in_both_languages()
    {
        var page = await _browser.SignInAsync("auditor", 1440);
        await _browser.OpenAsync(page, "/audit");
        await page.ClickAsync("#fig-received");
        var link = await page.GetAttributeAsync("#drill-table tbody tr a", "href");
        Assert.NotNull(link);
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 1000);
            await _browser.OpenAsync(page, link!);
            var text = await page.InnerTextAsync("body");
            await _browser.ShotAsync(page, $"case-vi-{width}");
            Assert.All(EnglishOnVietnamese, fragment =>
                Assert.DoesNotContain(fragment, text, StringComparison.Ordinal));
        }

        await page.SetViewportSizeAsync(1440, 1000);
        await _browser.OpenAsync(page, $"/culture/en?returnUrl={Uri.EscapeDataString(link!)}");
        await _browser.ShotAsync(page, "case-en-1440");
        Assert.Contains("Timeline", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }
}
