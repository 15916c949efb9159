using System.Text.Json;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Every page of the workbench, the designer, the audit and the lookup, rendered in Vietnamese as its people open
/// it: no English refusal or status word, and no raw procedure, step or unit code in the visible text (a dossier
/// code, which carries the unit's code, is what people read and is allowed).
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class WordsTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private static readonly string[] EnglishFragments =
        ["Field '", "is required", "must be", "No dossier", "Not Found", "undefined", "null"];

    private static readonly string[] EnglishWords = ["open", "paused", "finished", "individual", "organisation"];

    private readonly AppBrowser _browser = new(app, "words");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    public static TheoryData<string, string> Pages => new()
    {
        { "clerk.lechan", "/inbox" }, { "clerk.lechan", "/reception" }, { "clerk.lechan", "/receive" },
        { "clerk.lechan", "/receive#land" }, { "clerk.lechan", "case" },
        { "officer.cn1", "/inbox" }, { "officer.cn1", "case" }, { "leader.cn1", "/inbox" },
        { "auditor", "/audit" }, { "auditor", "case" }, { "policy", "/designer" },
        { "policy", "/designer/land-use-transfer/1" }, { "admin", "/admin/users" },
        { "", "/tra-cuu" }, { "", "/thu-tuc" }, { "", "/thu-tuc/land-use-transfer" },
        { "", "/login" }, { "", "/khong-co-trang-nay" }, { "clerk.lechan", "/khong-co-trang-nay" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_in_vietnamese_shows_words_not_codes(string user, string path)
    {
        var page = user.Length == 0 ? await _browser.PageAsync() : await _browser.SignInAsync(user);

        // Issue 16: the pages' Content-Security-Policy allows what Blazor and MudBlazor need, so nothing is refused.
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        var target = path == "case" ? $"/cases/{await CaseIdAsync()}" : path.Split('#')[0];
        if (path is "/login" || path.StartsWith("/khong", StringComparison.Ordinal))
        {
            // Server-rendered pages (sign-in, an address that leads nowhere): no circuit to wait for.
            await page.GotoAsync(_browser.Url(target));
        }
        else
        {
            await _browser.OpenAsync(page, target);
        }

        if (path == "/audit")
        {
            await page.ClickAsync("#fig-received");
            await Assertions.Expect(page.Locator("#drill-table")).ToBeVisibleAsync();
        }
        else if (path == "/receive#land")
        {
            await AppBrowser.WaitInteractiveAsync(page);
            await page.SelectOptionAsync("#receive-procedure", "land-use-transfer");
            await Assertions.Expect(page.Locator("#field-area_m2")).ToBeVisibleAsync();
        }

        if (path.StartsWith("/designer/", StringComparison.Ordinal))
        {
            // Issue 18: the diagnostics read as Vietnamese sentences too; only their code stays, small, for experts.
            await Assertions.Expect(page.Locator("#diagnostics .diag-text").First).ToBeVisibleAsync();
        }

        var text = await page.InnerTextAsync("body");
        await _browser.ShotAsync(page, $"{(user.Length == 0 ? "citizen" : user)}{Slug().Replace(path, "-")}");

        Assert.Empty(refused);
        Assert.All(EnglishFragments, f => Assert.DoesNotContain(f, text, StringComparison.Ordinal));
        var readable = DossierCode().Replace(text, "");
        foreach (var word in EnglishWords.Concat(Codes()))
        {
            Assert.False(Regex.IsMatch(readable, $@"(?<![\w.-]){Regex.Escape(word)}(?![\w-])"),
                $"'{word}' appears as a code on {target} for {user}: …{Around(readable, word)}…");
        }
    }

    private async Task<string> CaseIdAsync()
    {
        var received = await _browser.ReceiveLandTransferAsync();
        return received.GetProperty("id").GetString()!;
    }

    /// <summary>Procedure codes, step ids and unit codes of the catalog: what a person must never read.</summary>
    private static IEnumerable<string> Codes()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "procedures");
        foreach (var file in Directory.EnumerateFiles(root, "procedure.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            yield return json.RootElement.GetProperty("code").GetString()!;
            foreach (var step in json.RootElement.GetProperty("steps").EnumerateArray())
            {
                var id = step.GetProperty("id").GetString()!;
                // One-word ids ("intake", "resolved") are English words a Vietnamese page would not hold either.
                yield return id;
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "units"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var unit in json.RootElement.GetProperty("units").EnumerateArray())
            {
                yield return unit.GetProperty("code").GetString()!;
            }
        }
    }

    private static string Around(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        return at < 0 ? "" : text.Substring(Math.Max(0, at - 40), Math.Min(text.Length - Math.Max(0, at - 40), 80));
    }

    [GeneratedRegex(@"[A-Z][A-Z0-9.]*-\d{6}-\d{4}")]
    private static partial Regex DossierCode();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex Slug();
}
