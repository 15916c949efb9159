using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopWorkflow.Designer.Demo;
using static Microsoft.Playwright.Assertions;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 19's journey: a citizen, signed out, submits land-use transfer online on a Friday at 16:30 with three
/// scans; a clerk sees it among the unit's online dossiers, views the scans and asks for the missing paper; the
/// citizen adds it from the lookup page; the clerk accepts and the appointment counts from Monday 07:00. Its own
/// app, since it sets the clock.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class OnlineJourneyTests(OnlineJourneyTests.MailingApp app)
    : IClassFixture<OnlineJourneyTests.MailingApp>, IAsyncDisposable
{
    /// <summary>The app with its outbox sender on, mailing to a real aiosmtpd server of its own.</summary>
    public sealed class MailingApp : RunningApp
    {
        public SmtpServer Smtp { get; private set; } = null!;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("OneStop:Mail:Enabled", "true"), new("OneStop:Mail:Host", SmtpServer.Host),
            new("OneStop:Mail:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture)),
            new("OneStop:Mail:Security", "none"), new("OneStop:Mail:Interval", "00:00:01"),
            new("OneStop:EResults:Enabled", "true"), new("OneStop:EResults:Interval", "00:00:01"),
        ];

        public override async ValueTask InitializeAsync()
        {
            Smtp = await SmtpServer.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    /// <summary>The mail whose subject has <paramref name="words"/>, once the sender has delivered it.</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string code, string words)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (app.Smtp.Messages().FirstOrDefault(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal)
                    && (m.Subject ?? "").Contains(words, StringComparison.Ordinal)) is { } mail)
            {
                return mail;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"No mail \"{words}\" for {code} arrived in 30 s; the mailbox has: "
            + string.Join(" | ", app.Smtp.Messages().Select(m => m.Subject)) + "\n" + app.Log);
    }

    private readonly AppBrowser _browser = new(app, "online");

    /// <summary>A 2×2 PNG: a scan as a phone camera app saves it.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    private static byte[] Pdf(string text) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    private static FilePayload File(string name, string mime, byte[] content) =>
        new() { Name = name, MimeType = mime, Buffer = content };

    private DemoClock Clock => app.Services.GetRequiredService<DemoClock>();

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_citizen_submits_on_friday_afternoon_and_the_time_counts_from_monday_morning()
    {
        Clock.Fixed = At("2026-12-04T16:30:00+07:00");
        var citizen = await _browser.PageAsync();

        // Signed out, the citizen finds the procedure in the public catalogue and chooses to submit it online.
        await _browser.OpenAsync(citizen, "/thu-tuc");
        await citizen.FillAsync("#catalogue-text", "chuyen nhuong");
        await citizen.ClickAsync("#catalogue-find");
        await citizen.ClickAsync("#catalogue-list .cat-title");
        await Expect(citizen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/thu-tuc/land-use-transfer$"));
        await AppBrowser.WaitInteractiveAsync(citizen);
        await citizen.ClickAsync("#procedure-online");
        await Expect(citizen).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex("/nop-truc-tuyen/land-use-transfer$"));
        await AppBrowser.WaitInteractiveAsync(citizen);
        await Expect(citizen.Locator("#online-title")).ToContainTextAsync("chuyển nhượng");
        await citizen.SelectOptionAsync("#online-unit", "HP.LECHAN");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234",
            ["applicant_address"] = "12 Tô Hiệu, Lê Chân", ["applicant_email"] = "an.nguyen@example.vn",
            ["transferee_name"] = "Trần Thị Bình", ["parcel_number"] = "215", ["map_sheet"] = "18",
            ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345", ["contract_date"] = "2026-11-20",
        })
        {
            await citizen.FillAsync($"#field-{name}", value);
            await citizen.PressAsync($"#field-{name}", "Tab");
        }

        await citizen.SelectOptionAsync("#field-applicant_kind", "individual");

        // A file that claims to be a PDF but is not: refused with a message, beside its component.
        await citizen.SetInputFilesAsync("#scan-form-18",
            File("don-mau-18.pdf", "application/pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")));
        await Expect(citizen.Locator(".attached[data-file='don-mau-18.pdf']")).ToHaveCountAsync(1);
        await citizen.ClickAsync("#online-send");
        await Expect(citizen.Locator("#error-scan-form-18")).ToContainTextAsync("không phải là PDF, JPEG hay PNG");
        await _browser.ShotAsync(citizen, "01-fake-pdf-refused");
        await citizen.Locator(".attached[data-file='don-mau-18.pdf'] button").ClickAsync();

        await citizen.SetInputFilesAsync("#scan-form-18", File("don-mau-18.pdf", "application/pdf", Pdf("form 18")));
        await citizen.SetInputFilesAsync("#scan-certificate", File("giay-chung-nhan.png", "image/png", Png));
        await citizen.SetInputFilesAsync("#scan-mortgage-consent",
            File("dong-y-the-chap.pdf", "application/pdf", Pdf("consent")));
        await Expect(citizen.Locator(".attached")).ToHaveCountAsync(3);
        await citizen.CheckAsync("#delivery-post");
        await _browser.ShotAsync(citizen, "02-form-filled");
        await citizen.ClickAsync("#online-send");
        await Expect(citizen.Locator("#online-done")).ToBeVisibleAsync();
        var code = (await citizen.Locator("#online-code").TextContentAsync())!.Trim();
        var secret = (await citizen.Locator("#online-secret").TextContentAsync())!.Trim();
        Assert.Matches("^HP.LECHAN-261204-[0-9]{4}$", code);
        await _browser.ShotAsync(citizen, "03-submitted");

        // The mail from the real SMTP server's mailbox carries the submission code (and the secret).
        var submittedMail = await MailAsync(code, "Đã nhận hồ sơ nộp trực tuyến");
        Assert.Equal("an.nguyen@example.vn", submittedMail.To.Mailboxes.Single().Address);
        Assert.Contains(code, submittedMail.TextBody, StringComparison.Ordinal);
        Assert.Contains(secret, submittedMail.TextBody, StringComparison.Ordinal);

        // The clerk finds it among the unit's online dossiers and sees its scans beside its fields.
        var clerk = await _browser.SignInAsync("clerk.lechan");
        await _browser.OpenAsync(clerk, "/truc-tuyen");
        var card = clerk.Locator($".online-card[data-dossier='{code}']");
        await Expect(card).ToContainTextAsync("Nguyễn Văn An");
        await Expect(card).ToContainTextAsync("3 tệp quét");
        await _browser.ShotAsync(clerk, "04-online-queue");
        await card.ClickAsync();
        await AppBrowser.WaitInteractiveAsync(clerk);
        await Expect(clerk.Locator("#case-scans .case-scan")).ToHaveCountAsync(3);
        await Expect(clerk.Locator("#case-scans img.scan-preview")).ToHaveCountAsync(1);
        var scanHref = await clerk.Locator("#case-scans a.scan-download").First.GetAttributeAsync("href");
        var download = await clerk.APIRequest.GetAsync(_browser.Url(scanHref!));
        Assert.Equal(200, download.Status);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        await _browser.ShotAsync(clerk, "05-case-with-scans");
        await clerk.FillAsync("#request-supplement-reason", "Thiếu hợp đồng chuyển nhượng đã công chứng");
        await clerk.PressAsync("#request-supplement-reason", "Tab");
        await clerk.ClickAsync("#act-request-supplement");
        if (await clerk.Locator("#confirm-yes-request-supplement").CountAsync() > 0)
        {
            await clerk.ClickAsync("#confirm-yes-request-supplement");
        }

        await Expect(clerk.Locator("#case-success")).ToBeVisibleAsync();
        Assert.NotNull(await MailAsync(code, "Đề nghị bổ sung"));
        Assert.Contains(app.Smtp.Messages(),
            m => (m.TextBody ?? "").Contains("Thiếu hợp đồng", StringComparison.Ordinal));

        // The citizen adds the missing paper from the lookup page.
        Clock.Fixed = At("2026-12-04T16:40:00+07:00");
        var back = await _browser.PageAsync(390);
        await _browser.OpenAsync(back, $"/tra-cuu?code={Uri.EscapeDataString(code)}");
        await back.FillAsync("#lookup-secret", secret);
        await back.PressAsync("#lookup-secret", "Tab");
        await back.ClickAsync("#lookup-find");
        await Expect(back.Locator("#supplement-reason")).ToContainTextAsync("Thiếu hợp đồng");
        await back.SetInputFilesAsync("#supplement-contract", File("hop-dong.pdf", "application/pdf", Pdf("contract")));
        await _browser.ShotAsync(back, "06-supplement-phone");
        await back.ClickAsync("#supplement-send");
        await Expect(back.Locator("#supplement-done")).ToBeVisibleAsync();

        // The clerk accepts: the appointment counts from Monday 07:00 (8 working days: Wednesday 16/12, 17:00).
        Clock.Fixed = At("2026-12-04T16:45:00+07:00");
        await _browser.OpenAsync(clerk, "/truc-tuyen");
        await Expect(clerk.Locator($".online-card[data-dossier='{code}']")).ToContainTextAsync("đã bổ sung");
        await clerk.Locator($".online-card[data-dossier='{code}']").ClickAsync();
        await AppBrowser.WaitInteractiveAsync(clerk);
        await Expect(clerk.Locator("#case-scans .case-scan")).ToHaveCountAsync(4);
        await clerk.ClickAsync("#act-accept");
        await Expect(clerk.Locator("#case-success")).ToBeVisibleAsync();
        await Expect(clerk.Locator("#case-appointment")).ToContainTextAsync("16/12/2026");
        await _browser.ShotAsync(clerk, "07-accepted");

        // The receipt by mail: the appointment counted from Monday 07:00, and the secret given online.
        var receiptMail = await MailAsync(code, "Đã tiếp nhận hồ sơ");
        Assert.Contains("ngày 16 tháng 12 năm 2026", receiptMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("đã cấp khi nộp hồ sơ trực tuyến", receiptMail.TextBody, StringComparison.Ordinal);

        // The case runs to its result; the e-result filer prints it, and the citizen downloads the PDF.
        Clock.Fixed = At("2026-12-07T09:00:00+07:00");
        var caseId = await clerk.EvaluateAsync<string>("() => location.pathname.split('/').pop()");
        foreach (var (user, action) in new[]
                 {
                     ("officer.cn1", "send-to-tax"), ("officer.cn1", "tax-paid"), ("officer.cn1", "submit"),
                     ("leader.cn1", "approve"), ("clerk.lechan", "deliver"),
                 })
        {
            using var staff = await _browser.ApiAsync(user);
            var acted = await staff.PostAsJsonAsync($"/api/cases/{caseId}/act", new { action },
                TestContext.Current.CancellationToken);
            var answer = await acted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(acted.IsSuccessStatusCode, $"{user} {action}: {answer}");
        }

        Clock.Fixed = At("2026-12-07T09:05:00+07:00");
        var result = await _browser.PageAsync();
        await _browser.OpenAsync(result, $"/tra-cuu?code={Uri.EscapeDataString(code)}");
        await result.FillAsync("#lookup-secret", secret);
        await result.PressAsync("#lookup-secret", "Tab");
        for (var attempt = 0; ; attempt++)
        {
            await result.ClickAsync("#lookup-find");
            if (await result.Locator("#e-result-download").CountAsync() > 0 || attempt == 20)
            {
                break;
            }

            // The filer prints off the command's path, every second here: look again, a minute later each time
            // (the lookup limit counts ten a minute from this machine).
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            Clock.Fixed = Clock.Fixed.Value.AddMinutes(1);
        }

        var pdfDownload = await result.RunAndWaitForDownloadAsync(() => result.ClickAsync("#e-result-download"));
        var pdfPath = Path.Combine(Chromium.ArtifactsFolder("online"), "08-e-result.pdf");
        await pdfDownload.SaveAsAsync(pdfPath);
        Assert.Equal("%PDF-"u8.ToArray(), (await System.IO.File.ReadAllBytesAsync(pdfPath,
            TestContext.Current.CancellationToken))[..5]);
        var pdfText = await global::OneStopWorkflow.Browser.Tests.Pdf.TextAsync(pdfPath);
        Assert.Contains(code, pdfText, StringComparison.Ordinal);
        await _browser.ShotAsync(result, "08-e-result-lookup");
        Assert.NotNull(await MailAsync(code, "Hồ sơ đã có kết quả"));

        // The API: a 30 MB scan is refused with 413 and words; the secret given online still opens the dossier.
        using var http = new HttpClient { BaseAddress = new Uri(_browser.Url("")) };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("land-use-transfer"), "procedure" }, { new StringContent("HP.LECHAN"), "unit" },
        };
        var big = new byte[30 * 1024 * 1024];
        Pdf("big").CopyTo(big, 0);
        form.Add(new ByteArrayContent(big), "components.form-18", "giay-to-lon.pdf");
        var tooBig = await http.PostAsync("/api/online/submissions", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var problem = await tooBig.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("scan-too-large", problem.GetProperty("code").GetString());
        Assert.Contains("30,0 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var looked = await http.GetAsync($"/api/lookup?code={Uri.EscapeDataString(code)}&secret={secret}",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, looked.StatusCode);
    }
}
