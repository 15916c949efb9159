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
