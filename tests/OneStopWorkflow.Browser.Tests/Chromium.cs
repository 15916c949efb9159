using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (the driver ships in the package; no browser is downloaded). tests/run
/// installs Chromium and sets OSW_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Browser test classes share one collection, so they run one after another on a two-core machine.
    /// </summary>
    public const string Collection = "chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var why = $"{ExecutablePath} is missing: run tests/run, which installs Debian's chromium.";
            Assert.False(Environment.GetEnvironmentVariable("OSW_REQUIRE_BROWSER") == "1", why);
            Assert.Skip(why);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots and PDFs are kept for people to look at: tests/artifacts/ (ignored by git).</summary>
    public static string ArtifactsFolder(string name)
    {
        var folder = Environment.GetEnvironmentVariable("OSW_ARTIFACTS") is { Length: > 0 } root
            ? Path.Combine(root, name)
            : Repository.PathOf("tests", "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
