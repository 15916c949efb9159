using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The clerk's day in Debian's Chromium against the running app: queue ticket, receipt, the case worked by the
/// right people at the right units to its result, a clerk of another commune kept out, the citizen's lookup and
/// rating, and two people acting on one case at once. Screenshots of each page go to tests/artifacts/workbench.
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class WorkbenchTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private readonly AppBrowser _browser = new(app, "workbench");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_land_transfer_goes_from_queue_ticket_to_result_and_the_citizen_rates_it()
    {
        var clerk = await _browser.SignInAsync("clerk.lechan");
        // The receipt's print dialog is the browser's; here it only records which document asked for it.
        await clerk.Context.AddInitScriptAsync(
            "window.print = () => "
            + "window.top.document.documentElement.setAttribute('data-printed', location.pathname);");
        await Assertions.Expect(clerk).ToHaveURLAsync(new Regex("/reception$"));
        await AppBrowser.WaitInteractiveAsync(clerk);
        await clerk.SelectOptionAsync("#reception-counter", "3");
        await clerk.ClickAsync("#issue-ticket");
        await Expect(clerk.Locator("#reception-message")).ToContainTextAsync("Đã cấp số");
        await Expect(clerk.Locator("#queue-table")).ToContainTextAsync("Đang chờ");
        await clerk.ClickAsync("#call-next");
        await Expect(clerk.Locator("#reception-message")).ToContainTextAsync("đến quầy 3");
        var number = (await clerk.GetAttributeAsync("#ticket", "data-ticket"))!;
        await Expect(clerk.Locator("#ticket-serving")).ToContainTextAsync($"Đang phục vụ số {number} — quầy 3");
        await clerk.ClickAsync("#recall");
        await Expect(clerk.Locator("#reception-message"))
            .ToContainTextAsync($"Đã gọi lại số {number} đến quầy 3 (lần 2)");
        await Expect(clerk.Locator("#queue-table")).ToContainTextAsync("Nguyễn Thị Lan");
        await _browser.ShotAsync(clerk, "01-reception");
        await clerk.ClickAsync("#receive-dossier");
        await AppBrowser.WaitInteractiveAsync(clerk);
        await Expect(clerk.Locator("#serving-ticket")).ToContainTextAsync($"Đang phục vụ số {number} — quầy 3");
        await clerk.SelectOptionAsync("#receive-procedure", "land-use-transfer");
        await FillAsync(clerk, new Dictionary<string, string>
        {
            ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234",
            ["applicant_address"] = "12 Tô Hiệu, Lê Chân",
            ["applicant_phone"] = "0912345678", ["transferee_name"] = "Trần Thị Bình",
            ["parcel_number"] = "215", ["map_sheet"] = "18",
            ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345", ["contract_date"] = "2026-02-27",
        });
        await clerk.SelectOptionAsync("#field-applicant_kind", "individual");
        // Issue 15: three of the four papers are handed in (there is no mortgage), the form 18 in two originals.
        foreach (var paper in new[] { "form-18", "certificate", "contract" })
        {
            await clerk.CheckAsync($"#component-{paper}");
        }

        await clerk.FillAsync("#component-form-18-quantity", "2");
        await clerk.PressAsync("#component-form-18-quantity", "Tab");
        await _browser.ShotAsync(clerk, "02-receive-form");
        await clerk.ClickAsync("#accept");
        var code = (await clerk.Locator("#received-code").TextContentAsync())!.Trim();
        Assert.Matches(@"^HP\.LECHAN-\d{6}-\d{4}$", code);
        await Expect(clerk.Locator("#serving-ticket"))
            .ToContainTextAsync($"Số {number} đã được phục vụ, gắn với hồ sơ {code}");
        var receiptPath = (await clerk.GetAttributeAsync("#received-documents a[data-document=receipt]", "href"))!;
        await Assertions.Expect(clerk.Locator("html")).ToHaveAttributeAsync("data-printed", receiptPath);
        await _browser.ShotAsync(clerk, "03-received");
        var caseId = (await clerk.GetAttributeAsync("#open-case", "href"))!.Split('/')[^1];

        await clerk.ClickAsync("#receive-next");
        await Assertions.Expect(clerk).ToHaveURLAsync(new Regex("/reception$"));
        await Expect(clerk.Locator("#reception-message")).ToContainTextAsync("đến quầy 3");
        Assert.NotEqual(number, await clerk.GetAttributeAsync("#ticket", "data-ticket"));
        await Expect(clerk.Locator($"#queue-table tr:has([data-ticket='{number}'])")).ToContainTextAsync(code);
        await _browser.ShotAsync(clerk, "03b-receive-the-next");

        await clerk.GotoAsync(_browser.Url(receiptPath));
        var receipt = await clerk.ContentAsync();
        Assert.Contains(code, receipt, StringComparison.Ordinal);
        Assert.Matches("Thời gian trả kết quả giải quyết hồ sơ: <strong>\\d{2} giờ \\d{2} phút, ngày", receipt);
        // Signed by the clerk's name and position, never her login.
        Assert.Contains("Nguyễn Thị Lan<br><span class=\"position\">Công chức Bộ phận Một cửa</span>", receipt,
            StringComparison.Ordinal);
        Assert.DoesNotContain("clerk.lechan", receipt, StringComparison.Ordinal);
        // The receipt lists exactly the papers received, in the form and number received.
        var papers = PaperRow().Matches(receipt).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
        Assert.Equal(
            [
                ("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18)", "Bản chính", "2"),
                ("Giấy chứng nhận quyền sử dụng đất đã cấp", "Bản chính", "1"),
                ("Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng", "Bản chính", "1"),
            ],
            papers);
        Assert.DoesNotContain("Văn bản đồng ý của bên nhận thế chấp", receipt, StringComparison.Ordinal);
        var secret = Secret().Match(receipt).Groups[1].Value;
        await _browser.ShotAsync(clerk, "04-receipt");

        await ActAsync("officer.cn1", caseId, "send-to-tax", "tax-paid", "submit");
        await ActAsync("leader.cn1", caseId, "approve");
        await ActAsync("clerk.lechan", caseId, "deliver");
        await _browser.OpenAsync(clerk, $"/cases/{caseId}");
        await Expect(clerk.Locator("#case-status")).ToContainTextAsync("Đã kết thúc (đã trả kết quả)");
        await Expect(clerk.Locator("#case-ticket")).ToContainTextAsync($"{number}, phục vụ tại quầy 3");
        await Expect(clerk.Locator("#case-timeline")).ToContainTextAsync("Nguyễn Thị Lan, Công chức Bộ phận Một cửa");
        await Expect(clerk.Locator("#case-timeline")).Not.ToContainTextAsync("clerk.lechan");
        await _browser.ShotAsync(clerk, "05-case-finished");

        var stranger = await _browser.SignInAsync("clerk.hongan");
        await _browser.OpenAsync(stranger, $"/cases/{caseId}");
        await Expect(stranger.Locator("#case-error")).ToContainTextAsync("Không tìm thấy hồ sơ");
        Assert.Equal(0, await stranger.Locator("#case-actions").CountAsync());
        await _browser.ShotAsync(stranger, "06-other-commune");

        var citizen = await _browser.PageAsync();
        // The receipt's link fills the code in; typed in lower case with spaces, it is found all the same.
        await _browser.OpenAsync(citizen, $"/tra-cuu?code={Uri.EscapeDataString(" " + code.ToLowerInvariant())}");
        Assert.Equal(code.ToLowerInvariant(), await citizen.InputValueAsync("#lookup-code"));
        await citizen.FillAsync("#lookup-secret", secret);
        await citizen.PressAsync("#lookup-secret", "Tab");
        await citizen.ClickAsync("#lookup-find");
        await Expect(citizen.Locator("#lookup-status")).ToContainTextAsync("Đã kết thúc (đã trả kết quả)");
        await citizen.SelectOptionAsync("#rating-score", "5");
        await citizen.FillAsync("#rating-comment", "Cán bộ tận tình, trả kết quả sớm.");
        await citizen.PressAsync("#rating-comment", "Tab");
        await citizen.ClickAsync("#rating-send");
        await Expect(citizen.Locator("#lookup-rated")).ToContainTextAsync("5/5");
        await _browser.ShotAsync(citizen, "07-lookup-rated");
    }

    [Theory]
    [InlineData("clerk.lechan", "/reception")]
    [InlineData("leader.lechan", "/inbox")]
    [InlineData("officer.cn1", "/inbox")]
    [InlineData("policy", "/designer")]
    [InlineData("auditor", "/audit")]
    [InlineData("admin", "/admin/users")]
    public async Task Each_person_lands_where_their_day_starts_after_sign_in_and_at_the_root(string user, string path)
    {
        var page = await _browser.SignInAsync(user);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));

        await page.GotoAsync(_browser.Url("/"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await AppBrowser.WaitInteractiveAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_top_bar_folds_into_a_menu_that_reaches_sign_out()
    {
        var page = await _browser.SignInAsync("clerk.lechan", width: 390);
        await _browser.OpenAsync(page, "/inbox");

        Assert.False(await page.Locator("#sign-out").IsVisibleAsync());
        await page.ClickAsync("#nav-menu");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-inbox")).ToBeVisibleAsync();
        await _browser.ShotAsync(page, "09-phone-menu");
    }

    [Fact]
    public async Task Two_people_acting_on_one_case_at_once_the_second_is_told_it_changed()
    {
        var caseId = (await _browser.ReceiveLandTransferAsync()).GetProperty("id").GetString()!;
        var first = await _browser.SignInAsync("officer.cn1");
        var second = await _browser.SignInAsync("officer.cn1");
        await _browser.OpenAsync(first, $"/cases/{caseId}");
        await _browser.OpenAsync(second, $"/cases/{caseId}");

        await first.ClickAsync("#act-send-to-tax");
        await Expect(first.Locator("#act-tax-paid")).ToBeVisibleAsync();
        await second.ClickAsync("#act-send-to-tax");

        await Expect(second.Locator("#case-conflict")).ToBeVisibleAsync();
        await Expect(second.Locator("#act-tax-paid")).ToBeVisibleAsync();
        await _browser.ShotAsync(second, "08-conflict");
    }

    /// <summary>
    /// Issue 15: the demo's dossier untouched since October is overdue; its leader finds it in the inbox, is refused a
    /// date already past, and the apology (Mẫu 04) issued with a new date proposes one after today.
    /// </summary>
    [Fact]
    public async Task An_overdue_dossier_is_rescheduled_and_its_apology_proposes_a_date_after_today()
    {
        var leader = await _browser.SignInAsync("leader.cn1");
        await _browser.OpenAsync(leader, "/inbox");
        await leader.SelectOptionAsync("#inbox-status", "overdue");
        // The search is by dossier code: the demo received hers on 01/10/2026.
        await leader.FillAsync("#inbox-text", "261001");
        var row = leader.Locator("#inbox-table tbody tr", new() { HasText = "Đặng Thị Hoa" });
        await Expect(row).ToContainTextAsync("Quá hạn");
        await _browser.ShotAsync(leader, "09-inbox-overdue");
        await row.Locator("a").ClickAsync();
        await AppBrowser.WaitInteractiveAsync(leader);
        await Expect(leader.Locator("#case-time-left")).ToContainTextAsync("quá hạn");

        var today = DateTime.Today;
        await leader.FillAsync("#reschedule-date", today.AddDays(-1).ToString("yyyy-MM-dd'T'10:00"));
        await leader.FillAsync("#reschedule-reason", "Chờ kết quả xác minh của cơ quan thuế");
        await leader.ClickAsync("#reschedule");
        // Refused beside the date, in Vietnamese, and nothing typed is lost.
        await Expect(leader.Locator("#reschedule-date + .error")).ToContainTextAsync("sau thời điểm hiện tại");
        Assert.Equal("Chờ kết quả xác minh của cơ quan thuế", await leader.InputValueAsync("#reschedule-reason"));
        await _browser.ShotAsync(leader, "10-reschedule-refused");

        var promised = today.AddDays(7);
        await leader.FillAsync("#reschedule-date", promised.ToString("yyyy-MM-dd'T'10:00"));
        await leader.ClickAsync("#reschedule");
        await Expect(leader.Locator("#case-success")).ToContainTextAsync("Đã thực hiện «Xin lỗi, hẹn lại ngày trả»");
        await Expect(leader.Locator("#case-appointment")).ToContainTextAsync($"→ 10:00 {promised:dd/MM/yyyy}");
        await Expect(leader.Locator("#case-timeline")).ToContainTextAsync("Hẹn lại ngày trả");
        await _browser.ShotAsync(leader, "11-rescheduled");

        var apology = (await leader.GetAttributeAsync("#case-documents a[data-document=apology]", "href"))!;
        await leader.GotoAsync(_browser.Url(apology));
        var text = await leader.ContentAsync();
        var match = Proposed().Match(text);
        Assert.True(match.Success, "The apology names no new date");
        var date = new DateTime(int.Parse(match.Groups[5].Value), int.Parse(match.Groups[4].Value),
            int.Parse(match.Groups[3].Value), int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), 0);
        Assert.True(date > DateTime.Now, $"The apology proposes {date:dd/MM/yyyy HH:mm}, not after today");
        Assert.Contains("Đặng Thị Hoa", text, StringComparison.Ordinal);
        await _browser.ShotAsync(leader, "12-apology");
    }

    private async Task ActAsync(string user, string caseId, params string[] actions)
    {
        var page = await _browser.SignInAsync(user);
        await _browser.OpenAsync(page, $"/cases/{caseId}");
        foreach (var action in actions)
        {
            await page.ClickAsync($"#act-{action}");
            await Expect(page.Locator($"#act-{action}")).ToHaveCountAsync(0);

            // Every action says it was done and where the case went ("… Hồ sơ đang ở: …" or how it ended).
            await Expect(page.Locator("#case-success")).ToContainTextAsync("Đã thực hiện «");
        }

        await _browser.ShotAsync(page, $"case-{user}");
        await page.Context.CloseAsync();
    }

    private static async Task FillAsync(IPage page, Dictionary<string, string> fields)
    {
        foreach (var (name, value) in fields)
        {
            await page.FillAsync($"#field-{name}", value);
            await page.PressAsync($"#field-{name}", "Tab");
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(
        @"hẹn trả kết quả vào: <strong>(\d{2}) giờ (\d{2}) phút, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")]
    private static partial Regex Proposed();

    [GeneratedRegex("mã tra cứu <strong>([0-9a-f]{8})</strong>")]
    private static partial Regex Secret();

    /// <summary>A row of a form's list of papers: number, name, form, quantity.</summary>
    [GeneratedRegex("""<tr><td class="num">\d+</td><td>([^<]+)</td><td>([^<]+)</td><td class="num">(\d+)</td></tr>""")]
    private static partial Regex PaperRow();
}
