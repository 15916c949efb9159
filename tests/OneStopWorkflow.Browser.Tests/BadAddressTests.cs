using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 16: an address anyone can type or edit ("?ticket=x", "?next=-1", an unknown case or version) opens a page
/// in the UI language and keeps its Blazor circuit: no unhandled error in the browser's console or the app's log.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class BadAddressTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "bad-address");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    public static TheoryData<string, string, string, string> Addresses => new()
    {
        { "clerk.lechan", "/receive?ticket=x", "h1", "Tiếp nhận hồ sơ" },
        { "clerk.lechan", "/receive?ticket=-1&unit=%E2%80%AE", "h1", "Tiếp nhận hồ sơ" },
        { "clerk.lechan", "/receive?ticket=99999999999999999999", "h1", "Tiếp nhận hồ sơ" },
        { "clerk.lechan", "/reception?next=x", "h1", "Tiếp nhận" },
        { "clerk.lechan", "/reception?next=-1", "h1", "Tiếp nhận" },
        { "clerk.lechan", "/reception?next=1e400", "h1", "Tiếp nhận" },
        { "clerk.lechan", "/inbox?page=-1", "h1", "Hồ sơ cần xử lý" },
        { "clerk.lechan", "/cases/khong-co-ho-so-nay", "#case-error", "Không tìm thấy hồ sơ" },
        { "auditor", "/audit?from=garbage&to=2026-02-30", "h1", "Kiểm tra việc giải quyết hồ sơ" },
        { "policy", "/designer/khong-co/999", "#editor-missing", "khong-co v999" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task A_bad_address_opens_its_page_and_keeps_the_circuit(
        string user, string path, string selector, string words)
    {
        var page = await _browser.SignInAsync(user);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        var logged = app.Log.Length;

        await _browser.OpenAsync(page, path);
        await Assertions.Expect(page.Locator(selector).First).ToContainTextAsync(words);
        // On a phone too; the circuit is asked again after its first render (a value parsed too late would throw).
        await page.SetViewportSizeAsync(390, 900);
        await AppBrowser.WaitInteractiveAsync(page);
        await _browser.ShotAsync(page, $"{user}{string.Concat(path.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}");

        Assert.Empty(errors);
        var log = app.Log[logged..];
        Assert.DoesNotContain("Unhandled exception in circuit", log, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception has occurred", log, StringComparison.Ordinal);
    }
}
