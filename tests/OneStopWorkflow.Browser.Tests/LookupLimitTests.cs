using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopWorkflow.Designer.Demo;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 16's acceptance: 100 lookups through the page in a minute from one client are refused after the limit,
/// even with the right secret, and the API answers the same limit with 429. An app of its own, because the limit
/// (the application layer's, never raised for tests) counts every lookup from this machine's address.
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class LookupLimitTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private const string Limited = "Đã tra cứu quá nhiều lần từ máy này hoặc cho hồ sơ này";
    private const string NoMatch = "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này";

    private readonly AppBrowser _browser = new(app, "lookup-limit");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_hundred_lookups_from_one_browser_are_refused_after_the_limit_even_with_the_right_secret()
    {
        var (code, secret) = await ReceivedDossierAsync();
        // The limit counts in windows of a minute; the clock stands still so the burst falls in one of them.
        app.Services.GetRequiredService<DemoClock>().Fixed = DateTimeOffset.UtcNow;

        var citizen = await _browser.PageAsync();
        await _browser.OpenAsync(citizen, $"/tra-cuu?code={Uri.EscapeDataString(code)}");
        var error = citizen.Locator("#lookup-error");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await citizen.FillAsync("#lookup-secret", $"{attempt:x8}");
            await citizen.PressAsync("#lookup-secret", "Tab");
            await citizen.ClickAsync("#lookup-find");
            if (attempt == 0)
            {
                // A wrong secret looks exactly like an unknown code.
                await Assertions.Expect(error).ToContainTextAsync(NoMatch);
            }
        }

        await Assertions.Expect(error).ToContainTextAsync(Limited);
        await Assertions.Expect(error).ToContainTextAsync("Vui lòng thử lại sau 1 phút.");
        await Assertions.Expect(error).Not.ToContainTextAsync("lookup-limited");
        await _browser.ShotAsync(citizen, "01-limited");

        // Another tab of the same browser, with the secret printed on the receipt: still refused.
        var again = await _browser.PageAsync(390);
        await _browser.OpenAsync(again, $"/tra-cuu?code={Uri.EscapeDataString(code)}");
        await again.FillAsync("#lookup-secret", secret);
        await again.PressAsync("#lookup-secret", "Tab");
        await again.ClickAsync("#lookup-find");
        await Assertions.Expect(again.Locator("#lookup-error")).ToContainTextAsync(Limited);
        Assert.Equal(0, await again.Locator("#lookup-result").CountAsync());
        await _browser.ShotAsync(again, "02-right-secret-refused-phone");

        // The API counts the same lookups: its answer is 429 with the limit in words, Vietnamese by default.
        using var http = new HttpClient { BaseAddress = new Uri(_browser.Url("")) };
        var vietnamese = await LookUpAsync(http, code, secret, null);
        Assert.Equal(HttpStatusCode.TooManyRequests, vietnamese.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), vietnamese.Headers.RetryAfter?.Delta);
        var problem = await vietnamese.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("lookup-limited", problem.GetProperty("code").GetString());
        Assert.StartsWith(Limited, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var english = await LookUpAsync(http, code, secret, "en-GB,en;q=0.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Equal(
            "Too many lookups from here or of this dossier. Try again in 1 minute(s).",
            (await english.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
                .GetProperty("detail").GetString());

        // A minute later the citizen with the right secret is answered again.
        app.Services.GetRequiredService<DemoClock>().Fixed = DateTimeOffset.UtcNow.AddMinutes(1);
        var found = await LookUpAsync(http, code, secret, null);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    private async Task<(string Code, string Secret)> ReceivedDossierAsync()
    {
        var created = await _browser.ReceiveLandTransferAsync();
        var caseId = created.GetProperty("id").GetString()!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var receipt = await db.Documents.SingleAsync(
            d => d.CaseId == caseId && d.Document == "receipt", TestContext.Current.CancellationToken);
        return (created.GetProperty("dossierCode").GetString()!, Secret().Match(receipt.Content).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> LookUpAsync(
        HttpClient http, string code, string secret, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/lookup?code={Uri.EscapeDataString(code)}&secret={Uri.EscapeDataString(secret)}");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("mã tra cứu <strong>([0-9a-f]{8})</strong>")]
    private static partial Regex Secret();
}
