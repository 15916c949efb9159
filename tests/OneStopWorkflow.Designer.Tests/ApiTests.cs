using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>
/// The HTTP API through the real pipeline: authentication, roles, ProblemDetails and the case round trip.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class ApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly object LandTransfer = new
    {
        procedure = "land-use-transfer", unit = "HP.LECHAN",
        fields = new Dictionary<string, string>(LandTransferFields.Complete),
        components = LandTransferFields.ComponentsJson,
    };

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/procedures" }, { "POST", "/api/cases" }, { "GET", "/api/cases/HP.LECHAN-260302-0001" },
        { "GET", "/api/cases/x/actions" }, { "POST", "/api/cases/x/act" }, { "POST", "/api/cases/x/resubmit" },
        { "POST", "/api/cases/x/hand-up" }, { "POST", "/api/cases/x/reassign" }, { "POST", "/api/cases/x/reschedule" },
        { "POST", "/api/cases/x/withdraw" }, { "GET", "/api/inbox/HP.LECHAN" },
        { "POST", "/api/reception/HP.LECHAN/tickets" }, { "POST", "/api/reception/tickets/1/visit" },
        { "GET", "/api/reception/HP.LECHAN/tickets" }, { "POST", "/api/reception/HP.LECHAN/calls" },
        { "POST", "/api/reception/tickets/1/recall" }, { "POST", "/api/reception/tickets/1/skip" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_refuses_anonymous_callers(string method, string path)
    {
        var client = await app.ClientAsAsync(null);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { }) : null,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_document_sends_anonymous_browsers_to_sign_in()
    {
        var client = await app.ClientAsAsync(null);

        var response = await client.GetAsync("/documents/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("policy")]
    [InlineData("officer.cn1")]
    [InlineData("clerk.hongan")]
    public async Task Only_a_clerk_of_the_unit_receives_there(string user)
    {
        var client = await app.ClientAsAsync(user);

        var response = await client.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string, string> WrongRoles() => new()
    {
        { "auditor", "POST", "act" }, { "auditor", "POST", "resubmit" }, { "auditor", "POST", "hand-up" },
        { "auditor", "POST", "reassign" }, { "auditor", "POST", "reschedule" }, { "auditor", "POST", "withdraw" },
        { "policy", "POST", "act" }, { "clerk.hongan", "POST", "withdraw" },
        { "clerk.hongan", "GET", "case" }, { "clerk.hongan", "GET", "actions" }, { "clerk.hongan", "GET", "inbox" },
        { "officer.cn1", "POST", "tickets" }, { "auditor", "POST", "tickets" }, { "auditor", "GET", "tickets" },
        { "clerk.hongan", "POST", "calls" },
    };

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public async Task Every_endpoint_refuses_callers_of_the_wrong_role_or_unit(
        string user, string method, string endpoint)
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var created = await clerk.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken);
        var id = (await Json(created)).GetProperty("id").GetString();
        var path = endpoint switch
        {
            "case" => $"/api/cases/{id}", "actions" => $"/api/cases/{id}/actions", "inbox" => "/api/inbox/HP.LECHAN",
            "tickets" => "/api/reception/HP.LECHAN/tickets", "calls" => "/api/reception/HP.LECHAN/calls",
            _ => $"/api/cases/{id}/{endpoint}",
        };
        object body = endpoint switch
        {
            "act" => new { action = "send-to-tax" },
            "reassign" or "hand-up" => new { to = "HP.VPDKDD", reason = "lý do" },
            "reschedule" => new { newAppointment = "2026-12-31T09:00:00+07:00", reason = "lý do" },
            "calls" => new { counter = 1 },
            _ => new { reason = "lý do" },
        };
        var client = await app.ClientAsAsync(user);

        var response = method == "GET"
            ? await client.GetAsync(path, TestContext.Current.CancellationToken)
            : await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

        // A case another commune may not read answers as an unknown case would: 404, naming nothing about it.
        var unseen = user == "clerk.hongan" && endpoint is "case" or "actions" or "withdraw";
        Assert.Equal(unseen ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_input_returns_problem_details_naming_the_field()
    {
        var client = await app.ClientAsAsync("clerk.lechan");

        var missingProcedure = await client.PostAsJsonAsync(
            "/api/cases", new { unit = "HP.LECHAN" }, TestContext.Current.CancellationToken);
        var missingField = await client.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN",
            fields = new Dictionary<string, string>(
                LandTransferFields.Complete.Remove("parcel_number").SetItem("area_m2", "lots")),
        }, TestContext.Current.CancellationToken);
        var notJson = await client.PostAsync(
            "/api/cases", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, missingProcedure.StatusCode);
        Assert.True((await Problem(missingProcedure)).GetProperty("errors").TryGetProperty("procedure", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missingField.StatusCode);
        var errors = (await Problem(missingField)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("parcel_number", out _));
        Assert.True(errors.TryGetProperty("area_m2", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task A_case_is_received_worked_and_a_stale_command_gets_409()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var officer = await app.ClientAsAsync("officer.cn1");
        var other = await app.ClientAsAsync("clerk.hongan");
        var auditor = await app.ClientAsAsync("auditor");

        var created = await clerk.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken);
        var view = await Json(created);
        var id = view.GetProperty("id").GetString()!;
        var version = view.GetProperty("version").GetInt32();
        var acted = await officer.PostAsJsonAsync(
            $"/api/cases/{id}/act", new { action = "send-to-tax", expectedVersion = version },
            TestContext.Current.CancellationToken);
        var stale = await officer.PostAsJsonAsync(
            $"/api/cases/{id}/act", new { action = "tax-paid", expectedVersion = version },
            TestContext.Current.CancellationToken);
        var hidden = await other.GetAsync($"/api/cases/{id}", TestContext.Current.CancellationToken);
        var notTheirs = await other.PostAsJsonAsync(
            $"/api/cases/{id}/act", new { action = "tax-paid" }, TestContext.Current.CancellationToken);
        var audited = await auditor.GetAsync(
            $"/api/cases/{view.GetProperty("dossierCode").GetString()}", TestContext.Current.CancellationToken);
        var auditorActs = await auditor.PostAsJsonAsync(
            $"/api/cases/{id}/withdraw", new { reason = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("case-changed", (await Problem(stale)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, audited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorActs.StatusCode);
    }

    [Fact]
    public async Task The_public_lookup_answers_the_same_for_a_wrong_secret_and_an_unknown_code()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var anonymous = await app.ClientAsAsync(null);
        var view = await Json(
            await clerk.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken));
        var code = view.GetProperty("dossierCode").GetString();

        var wrongSecret = await anonymous.GetAsync(
            $"/api/lookup?code={code}&secret=00000000", TestContext.Current.CancellationToken);
        var unknownCode = await anonymous.GetAsync(
            "/api/lookup?code=HP.LECHAN-990101-9999&secret=00000000", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCode.StatusCode);
        Assert.Equal(
            (await Problem(wrongSecret)).GetProperty("detail").GetString(),
            (await Problem(unknownCode)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_and_health_are_served()
    {
        var client = await app.ClientAsAsync(null);

        var openApi = await client.GetStringAsync("/api/openapi.json", TestContext.Current.CancellationToken);
        var health = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Contains("/api/cases/{id}/act", openApi, StringComparison.Ordinal);
        Assert.Contains("\"ComponentBody\"", openApi, StringComparison.Ordinal);
        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task Issue_15_papers_received_through_the_api_decide_between_accepting_and_a_supplement()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var contact = LandTransferFields.Complete
            .Where(f => f.Key is "applicant_name" or "applicant_id_number" or "applicant_address")
            .ToDictionary();
        object[] twoPapers = [new { component = "form-18" }, new { component = "certificate", form = "original" }];

        var incomplete = await clerk.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN",
            fields = new Dictionary<string, string>(LandTransferFields.Complete), components = twoPapers,
        }, TestContext.Current.CancellationToken);
        var supplement = await clerk.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN", fields = contact, components = twoPapers,
            intakeAction = "request-supplement", input = new { reason = "Thiếu hợp đồng đã công chứng" },
        }, TestContext.Current.CancellationToken);
        Assert.True(supplement.StatusCode == HttpStatusCode.Created,
            await supplement.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await Json(supplement)).GetProperty("id").GetString();
        var resubmitted = await clerk.PostAsJsonAsync($"/api/cases/{id}/resubmit", new
        {
            components = new[] { new { component = "contract", form = "original", quantity = 1 } },
            fields = LandTransferFields.Complete.Where(f => !contact.ContainsKey(f.Key)).ToDictionary(),
        }, TestContext.Current.CancellationToken);
        var accepted = await clerk.PostAsJsonAsync(
            $"/api/cases/{id}/act", new { action = "accept" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var refusal = await Problem(incomplete);
        Assert.Equal("components-missing", refusal.GetProperty("code").GetString());
        Assert.True(refusal.GetProperty("errors").TryGetProperty("components", out _));
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var papers = (await Json(accepted)).GetProperty("components").EnumerateArray()
            .Select(c => (c.GetProperty("component").GetString(), c.GetProperty("missing").GetBoolean()));
        Assert.Equal(
            [("form-18", false), ("certificate", false), ("contract", false), ("mortgage-consent", false)], papers);
    }

    [Fact]
    public async Task A_kiosk_issues_a_ticket_and_a_clerk_calls_it_to_a_counter_then_skips_it_through_the_api()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await app.ClientAsAsync("clerk.lechan");

        var issued = await Json(await client.PostAsJsonAsync("/api/reception/HP.LECHAN/tickets", new { }, ct));
        var noCounter = await client.PostAsJsonAsync("/api/reception/HP.LECHAN/calls", new { }, ct);
        var called = await Json(
            await client.PostAsJsonAsync("/api/reception/HP.LECHAN/calls", new { counter = 4 }, ct));
        var id = called.GetProperty("id").GetInt64();
        var skipped = await client.PostAsJsonAsync($"/api/reception/tickets/{id}/skip", new { }, ct);
        var again = await client.PostAsJsonAsync($"/api/reception/tickets/{id}/skip", new { }, ct);
        var queue = await Json(await client.GetAsync("/api/reception/HP.LECHAN/tickets", ct));

        Assert.Equal("waiting", issued.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noCounter.StatusCode);
        Assert.Equal(
            ("called", 4), (called.GetProperty("state").GetString(), called.GetProperty("counter").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ticket-state", (await Problem(again)).GetProperty("code").GetString());
        Assert.Contains(queue.EnumerateArray(),
            t => t.GetProperty("id").GetInt64() == id && t.GetProperty("state").GetString() == "skipped");
    }

    /// <summary>
    /// Issue 15 through the API: "84,5" typed as an area is 84.5, not 845; a reschedule to 31/12/9999 is refused with
    /// 422 and a Vietnamese message, and in English for <c>Accept-Language: en</c>, under the same code.
    /// </summary>
    [Fact]
    public async Task A_decimal_comma_is_a_decimal_and_a_reschedule_beyond_the_calendar_is_refused_in_both_languages()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var leader = await app.ClientAsAsync("leader.lechan");
        var fields = new Dictionary<string, string>(LandTransferFields.Complete) { ["area_m2"] = "84,5" };
        var created = await clerk.PostAsJsonAsync("/api/cases", new
        {
            procedure = "land-use-transfer", unit = "HP.LECHAN", fields,
            components = LandTransferFields.ComponentsJson,
        }, TestContext.Current.CancellationToken);
        var view = await Json(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("84.5", view.GetProperty("fields").GetProperty("area_m2").GetString());
        var id = view.GetProperty("id").GetString()!;

        async Task<JsonElement> RescheduleAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/reschedule")
            {
                Content = JsonContent.Create(new
                {
                    newAppointment = "9999-12-31T10:00:00+07:00", reason = "Chờ ý kiến cơ quan thuế",
                }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await leader.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(HttpStatusCode.UnprocessableEntity == response.StatusCode,
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return await Problem(response);
        }

        var vi = await RescheduleAsync("vi");
        var en = await RescheduleAsync("en");
        Assert.Equal("outside-calendar", vi.GetProperty("code").GetString());
        Assert.Equal("outside-calendar", en.GetProperty("code").GetString());
        Assert.Contains("Ngày hẹn mới phải nằm trong các năm có lịch làm việc", vi.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("Ngày", en.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 16: pages, the API and papers carry citizens' data, so none is cached or sniffed, and a paper runs no
    /// script; the app's own style sheet may be cached.
    /// </summary>
    [Fact]
    public async Task Pages_answers_and_papers_carry_the_security_headers_and_a_paper_allows_no_script()
    {
        var clerk = await app.ClientAsAsync("clerk.lechan");
        var anonymous = await app.ClientAsAsync(null);
        var created = await Json(
            await clerk.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken));
        var details = await Json(await clerk.GetAsync(
            $"/api/cases/{created.GetProperty("id").GetString()}", TestContext.Current.CancellationToken));
        var document = details.GetProperty("documents")[0].GetProperty("id").GetInt64();

        var paper = await clerk.GetAsync($"/documents/{document}", TestContext.Current.CancellationToken);
        var page = await anonymous.GetAsync("/login", TestContext.Current.CancellationToken);
        var api = await clerk.GetAsync("/api/procedures", TestContext.Current.CancellationToken);
        var sheet = await anonymous.GetAsync("/app.css", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'", Header(paper, "Content-Security-Policy"));
        Assert.StartsWith("default-src 'self'; script-src 'self';", Header(page, "Content-Security-Policy"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        foreach (var response in new[] { paper, page, api })
        {
            Assert.StartsWith("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }

        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.NotEqual("no-store", Header(sheet, "Cache-Control"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));

    private static Task<JsonElement> Problem(HttpResponseMessage response) => Json(response);
}
