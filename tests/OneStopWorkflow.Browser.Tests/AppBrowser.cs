using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Chromium against the running app: signed-in pages, waiting for the Blazor circuit, screenshots kept as
/// artifacts, and an API client for setting up data the page under test does not own.
/// </summary>
public sealed class AppBrowser(RunningApp app, string artifacts) : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly string _artifacts = Chromium.ArtifactsFolder(artifacts);

    public async Task<IPage> PageAsync(int width = 1280)
    {
        if (_browser is null)
        {
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = width, Height = 1000 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string user, int width = 1280)
    {
        var page = await PageAsync(width);
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync($"{app.BaseUrl}/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", "Demo@2026");
            await page.ClickAsync("#sign-in");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal),
                    new() { Timeout = 20_000 });
                return page;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Under a loaded machine the form post was seen to stall once in a while; sign in again rather
                // than fail the journey on it (the app log is printed when a page does not open).
            }
        }
    }

    /// <summary>
    /// Opens a page and waits until it is interactive; on failure the screenshot and the app's log say why.
    /// </summary>
    public async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(app.BaseUrl + path);
        try
        {
            await WaitInteractiveAsync(page);
        }
        catch (TimeoutException)
        {
            await ShotAsync(page, "failed-open");
            Assert.Fail($"{path} did not become interactive. App log:\n{app.Log[^Math.Min(6000, app.Log.Length)..]}");
        }
    }

    /// <summary>
    /// Clicks before the Blazor circuit connects are lost; the layout says "yes" once it is interactive.
    /// </summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        // A locator, not a function waited for: the pages' policy refuses the eval that would take.
        await Assertions.Expect(page.Locator("#interactive")).ToHaveTextAsync("yes");

    public async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_artifacts, $"{name}.png"), FullPage = true,
        });

    /// <summary>An HTTP client of the app's API with a bearer token of <paramref name="user"/>.</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/token", new { userName = user, password = "Demo@2026" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>Receives a complete land transfer dossier at Lê Chân through the API and returns the case.</summary>
    public async Task<JsonElement> ReceiveLandTransferAsync()
    {
        using var http = await ApiAsync("clerk.lechan");
        var created = await http.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN",
            fields = new Dictionary<string, string>(LandTransferFields.Complete),
            components = LandTransferFields.ComponentsJson,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    public string Url(string path) => app.BaseUrl + path;

    public string Log => app.Log;

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
