using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 19, point 1: a citizen, not signed in, finds a procedure in the public catalogue by typing without
/// diacritics or by picking a unit, reads what to bring, what it costs and how long it takes, downloads a blank form,
/// and reads it all in English too; on a desk and on a phone.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class CatalogueTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private const string Title = "Đăng ký biến động quyền sử dụng đất do chuyển nhượng";

    private readonly AppBrowser _browser = new(app, "catalogue");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_citizen_signed_out_searches_without_diacritics_reads_land_use_transfer_and_downloads_a_form()
    {
        var page = await _browser.PageAsync(1440);
        var errors = ErrorsOf(page);
        await _browser.OpenAsync(page, "/tra-cuu");
        await Assertions.Expect(page.Locator("#nav-catalogue")).ToHaveAttributeAsync("href", "/thu-tuc");
        await page.ClickAsync("#lookup-catalogue");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/thu-tuc$"));
        await AppBrowser.WaitInteractiveAsync(page);
        var items = page.Locator("#catalogue-list .cat-item");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await _browser.ShotAsync(page, "01-list-vi-1440");

        await page.FillAsync("#catalogue-text", "chuyen nhuong");
        await page.ClickAsync("#catalogue-find");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=chuyen"));
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First).ToContainTextAsync(Title);
        await Assertions.Expect(items.First).ToContainTextAsync("1.013831");
        await Assertions.Expect(items.First).ToContainTextAsync("8 ngày làm việc");
        await Assertions.Expect(items.First).ToContainTextAsync("Có nộp trực tuyến");
        await _browser.ShotAsync(page, "02-search-chuyen-nhuong-vi-1440");

        await page.ClickAsync("#catalogue-list .cat-title");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/thu-tuc/land-use-transfer$"));
        await AppBrowser.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#procedure-title")).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("#procedure-national-code")).ToHaveTextAsync("1.013831");
        await Assertions.Expect(page.Locator("#procedure-time")).ToHaveTextAsync("8 ngày làm việc");
        var fees = page.Locator("#procedure-fees");
        await Assertions.Expect(fees).ToContainTextAsync("Lệ phí đăng ký biến động đất đai");
        await Assertions.Expect(fees).ToContainTextAsync("30.000 đ");
        await Assertions.Expect(fees).ToContainTextAsync("150.000 đ");
        var components = page.Locator("#procedure-components");
        await Assertions.Expect(components).ToContainTextAsync("(Mẫu số 18)");
        await Assertions.Expect(components).ToContainTextAsync("Bản chính");
        await Assertions.Expect(components.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#procedure-where")).ToContainTextAsync("UBND phường Lê Chân");
        await Assertions.Expect(page.Locator("#procedure-online"))
            .ToHaveAttributeAsync("href", "/nop-truc-tuyen/land-use-transfer");
        await Assertions.Expect(page.Locator("#procedure-result")).ToContainTextAsync(
            "Thông báo kết quả giải quyết hồ sơ");
        await Assertions.Expect(page.Locator("#procedure-fields")).ToContainTextAsync("Cá nhân, hộ gia đình");
        await _browser.ShotAsync(page, "03-land-use-transfer-vi-1440");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.ClickAsync("#procedure-forms [data-form=receipt] a"));
        Assert.Equal("land-use-transfer-v2-receipt.html", download.SuggestedFilename);
        var blank = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", blank, StringComparison.Ordinal);
        Assert.Contains($"{Title} (mã thủ tục 1.013831)", blank, StringComparison.Ordinal);
        Assert.Contains("………", blank, StringComparison.Ordinal);

        // The same download straight from the server: a file to save, that runs nothing and is never sniffed.
        using var http = new HttpClient();
        using var response = await http.GetAsync(
            _browser.Url("/thu-tuc/land-use-transfer/mau/receipt"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("default-src 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")),
            StringComparison.Ordinal);
        using var unknown = await http.GetAsync(
            _browser.Url("/thu-tuc/land-use-transfer/mau/control-slip"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // English: the language switch keeps the page and shows the English titles and amounts.
        await page.ClickAsync("#language");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/thu-tuc/land-use-transfer$"));
        await AppBrowser.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#procedure-title"))
            .ToHaveTextAsync("Registration of a land-use right transfer");
        await Assertions.Expect(page.Locator("#procedure-time")).ToHaveTextAsync("8 working days");
        await Assertions.Expect(fees).ToContainTextAsync("30,000 VND");
        await Assertions.Expect(components).ToContainTextAsync("Registration-of-change form (form 18)");
        await _browser.ShotAsync(page, "04-land-use-transfer-en-1440");
        await page.ClickAsync("#catalogue-back");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/thu-tuc$"));
        await AppBrowser.WaitInteractiveAsync(page);
        await Assertions.Expect(items.Filter(new() { HasText = "Registration of a land-use right transfer" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(items.Filter(new() { HasText = "Birth registration" })).ToHaveCountAsync(1);
        await _browser.ShotAsync(page, "05-list-en-1440");
        Assert.Empty(errors);
    }

    /// <summary>
    /// What the browser reports as an error on the page: a refused policy, a failed circuit, a state the prerender
    /// handed over that the circuit could not read.
    /// </summary>
    private static List<string> ErrorsOf(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    [Fact]
    public async Task A_unit_picked_keeps_what_it_receives_and_the_pages_fit_a_phone_in_both_languages()
    {
        var page = await _browser.PageAsync(390);
        var errors = ErrorsOf(page);
        await _browser.OpenAsync(page, "/thu-tuc");
        var items = page.Locator("#catalogue-list .cat-item");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await page.SelectOptionAsync("#catalogue-unit", "HP.TTPVHCC");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"unit=HP\.TTPVHCC"));
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First).ToContainTextAsync(Title);
        await _browser.ShotAsync(page, "06-unit-centre-vi-390");

        await page.FillAsync("#catalogue-text", "khai sinh");
        await page.ClickAsync("#catalogue-find");
        await Assertions.Expect(page.Locator("#catalogue-none")).ToBeVisibleAsync();
        await page.ClickAsync("#catalogue-clear");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await _browser.ShotAsync(page, "07-list-vi-390");

        foreach (var language in new[] { "vi", "en" })
        {
            await _browser.OpenAsync(page,
                $"/culture/{language}?returnUrl={Uri.EscapeDataString("/thu-tuc/land-use-transfer")}");
            await Assertions.Expect(page.Locator("#procedure-title")).ToBeVisibleAsync();
            await _browser.ShotAsync(page, $"08-land-use-transfer-{language}-390");
            // Nothing is wider than the phone: tables stack into cards.
            foreach (var part in new[] { "#procedure-components", "#procedure-fees", "#procedure-fields" })
            {
                var box = await page.Locator(part).BoundingBoxAsync();
                Assert.True(box is { Width: <= 390 } && box.X >= 0, $"{part} is {box?.Width} px wide on a phone.");
            }
        }

        await _browser.OpenAsync(page, "/thu-tuc?q=chuyen+nhuong");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await _browser.ShotAsync(page, "09-search-en-390");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_api_lists_and_shows_procedures_in_the_callers_language_and_an_unknown_code_is_a_404_problem()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_browser.Url("")) };
        var ct = TestContext.Current.CancellationToken;

        var vietnamese = await http.GetFromJsonAsync<JsonElement>("/api/public/procedures?q=chuyen%20nhuong", ct);
        using var englishRequest = new HttpRequestMessage(HttpMethod.Get, "/api/public/procedures/land-use-transfer");
        englishRequest.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        using var english = await http.SendAsync(englishRequest, ct);
        var details = await english.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var unknown = await http.GetAsync("/api/public/procedures/no-such-procedure", ct);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var badUnit = await http.GetAsync("/api/public/procedures?unit=HP.NOWHERE", ct);

        var listed = Assert.Single(vietnamese.GetProperty("procedures").EnumerateArray());
        Assert.Equal(Title, listed.GetProperty("title").GetString());
        Assert.Equal("8 ngày làm việc", listed.GetProperty("statutoryTime").GetString());
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("Registration of a land-use right transfer",
            details.GetProperty("procedure").GetProperty("title").GetString());
        Assert.Equal("30,000 VND", details.GetProperty("fees")[0].GetProperty("amountText").GetString());
        Assert.Equal("/thu-tuc/land-use-transfer/mau/receipt",
            details.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "receipt")
                .GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("procedure-unknown", problem.GetProperty("code").GetString());
        Assert.Contains("no-such-procedure", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
    }
}
