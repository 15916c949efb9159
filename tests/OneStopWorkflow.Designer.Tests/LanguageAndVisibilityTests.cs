using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Localization;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>
/// What a refusal tells the API caller: the same stable code and field in every language, the message in the
/// caller's; and nothing at all about a case the caller may not read.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class LanguageAndVisibilityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly object LandTransfer = new
    {
        procedure = "land-use-transfer", unit = "HP.LECHAN",
        fields = new Dictionary<string, string>(LandTransferFields.Complete),
        components = LandTransferFields.ComponentsJson,
    };

    [Fact]
    public async Task A_refused_receive_answers_in_the_callers_language_with_the_same_code_and_field()
    {
        var client = await app.ClientAsAsync("clerk.lechan");
        var body = new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN",
            fields = new Dictionary<string, string>(LandTransferFields.Complete.Remove("parcel_number")),
        };

        var vi = await Problem(await SendAsync(client, body, "vi"));
        var en = await Problem(await SendAsync(client, body, "en"));

        Assert.Equal(("field-required", "parcel_number"), (Text(vi, "code"), Text(vi, "field")));
        Assert.Equal(("field-required", "parcel_number"), (Text(en, "code"), Text(en, "field")));
        Assert.Equal("Cần nhập Số thửa.", vi.GetProperty("errors").GetProperty("parcel_number")[0].GetString());
        Assert.Equal("Field 'parcel_number' (Parcel number) is required.",
            en.GetProperty("errors").GetProperty("parcel_number")[0].GetString());
    }

    [Fact]
    public async Task A_case_of_another_commune_answers_every_case_endpoint_exactly_as_an_unknown_case_does()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var created = await Json(
            await clerk.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken));
        var (id, code) = (Text(created, "id")!, Text(created, "dossierCode")!);
        var (unknownId, unknownCode) = ((id[0] == 'f' ? "e" : "f") + id[1..], code[..^4] + "9999");
        var stranger = await app.ClientAsAsync("clerk.hongan");
        var endpoints = new (string Method, string Path, object? Body)[]
        {
            ("GET", "/api/cases/{0}", null), ("GET", "/api/cases/{0}/actions", null),
            ("POST", "/api/cases/{0}/act", new { action = "send-to-tax" }),
            ("POST", "/api/cases/{0}/resubmit", new { }),
            ("POST", "/api/cases/{0}/hand-up", new { to = "parent", reason = "lý do" }),
            ("POST", "/api/cases/{0}/reassign", new { to = "HP.VPDKDD.CN2", reason = "lý do" }),
            ("POST", "/api/cases/{0}/reschedule",
                new { newAppointment = "2026-12-31T09:00:00+07:00", reason = "lý do" }),
            ("POST", "/api/cases/{0}/withdraw", new { reason = "lý do" }),
        };

        foreach (var (method, path, body) in endpoints)
        {
            var hidden = await AnswerAsync(stranger, method, string.Format(null, path, id), body);
            var unknown = await AnswerAsync(stranger, method, string.Format(null, path, unknownId), body);
            Assert.Equal((path, unknown.Status), (path, hidden.Status));
            Assert.Equal((path, unknown.Body.Replace(unknownId, id, StringComparison.Ordinal)), (path, hidden.Body));
        }

        var byCode = await AnswerAsync(stranger, "GET", $"/api/cases/{code}", null);
        var byUnknownCode = await AnswerAsync(stranger, "GET", $"/api/cases/{unknownCode}", null);
        Assert.Equal((byUnknownCode.Status, byUnknownCode.Body.Replace(unknownCode, code, StringComparison.Ordinal)),
            (byCode.Status, byCode.Body));
        Assert.Equal(HttpStatusCode.NotFound, byCode.Status);
    }

    [Theory]
    [InlineData("vi-VN", "Có", "Cá nhân, hộ gia đình", "27/02/2026", "1.234,5")]
    [InlineData("en-GB", "Yes", "Individual or household", "27 February 2026", "1,234.5")]
    public async Task The_case_page_writes_field_values_in_the_ui_language(
        string culture, string yes, string individual, string date, string area)
    {
        var ct = TestContext.Current.CancellationToken;
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var fields = new Dictionary<string, string>(LandTransferFields.Complete)
        {
            ["tax_exempt"] = "true", ["area_m2"] = "1234.5",
        };
        var created = await Json(await clerk.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN", fields,
            components = LandTransferFields.ComponentsJson,
        }, ct));
        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var signIn = await Accounts.GuardedApp.PostSignInAsync(browser, "clerk.lechan", Demo.DemoData.Password);
        var language = $"{CookieRequestCultureProvider.DefaultCookieName}="
            + Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));

        var page = await Accounts.GuardedApp.GetAsync(browser, $"/cases/{Text(created, "id")}",
            $"{Accounts.GuardedApp.CookiesOf(signIn)}; {language}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(yes, Value(html, "tax_exempt"));
        Assert.Equal(individual, Value(html, "applicant_kind"));
        Assert.Equal(date, Value(html, "contract_date"));
        Assert.Equal(area, Value(html, "area_m2"));
    }

    /// <summary>The value cell of a field's row on the case page.</summary>
    private static string Value(string html, string field) =>
        System.Text.RegularExpressions.Regex.Match(
            html, $"<tr data-field=\"{field}\"><td>[^<]*</td><td>([^<]*)</td></tr>").Groups[1].Value;

    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(
        HttpClient client, string method, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Every answer carries its own trace id; the rest must be the same.
        if (text.Length > 0 && JsonNode.Parse(text) is JsonObject problem)
        {
            problem.Remove("traceId");
            text = problem.ToJsonString();
        }

        return (response.StatusCode, text);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    private static Task<JsonElement> Problem(HttpResponseMessage response) => Json(response);
}
