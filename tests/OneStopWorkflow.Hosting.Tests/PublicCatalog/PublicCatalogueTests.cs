using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.PublicCatalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.PublicCatalog;

/// <summary>
/// The public catalogue (issue 19, point 1), asked of the application layer by nobody signed in: the procedures in
/// force on their newest published version, searched without diacritics and by receiving unit, one procedure's
/// page and its blank forms; it follows a publication at once.
/// </summary>
public sealed class PublicCatalogueTests
{
    private static readonly DateTimeOffset Now =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);

    private static readonly ProcedureSource LandTransfer = Testing.Catalog.ReadVersion(
        Path.Combine(Repository.PathOf("procedures"), "land-use-transfer", "v2"), "procedure.json");

    private const string Title = "Đăng ký biến động quyền sử dụng đất do chuyển nhượng";

    /// <summary>Land-use transfer v3: a new title and nine working days.</summary>
    private static string Version3 => LandTransfer.Json
        .Replace("\"version\": 2", "\"version\": 3", StringComparison.Ordinal)
        .Replace(Title, "Đăng ký chuyển nhượng quyền sử dụng đất (sửa đổi)", StringComparison.Ordinal)
        .Replace("\"statutoryDeadline\": { \"workingDays\": 8 }", "\"statutoryDeadline\": { \"workingDays\": 9 }",
            StringComparison.Ordinal);

    private static Task<PublicProcedureList> ListAsync(TestApp app, string? text = null, string? unit = null) =>
        app.AsAsync(null, m => m.Send(new ListPublicProcedures { Text = text, Unit = unit }));

    private static async Task<PublicProcedureDetails> DetailsAsync(TestApp app, string code)
    {
        var found = await app.AsAsync(null, m => m.Send(new GetPublicProcedure(code)));
        Assert.Null(found.Rejection);
        return found.Procedure!;
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Lists_each_procedure_in_force_on_its_newest_published_version_to_anyone(StorageProvider provider)
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(provider), Now);
        // A draft is no procedure in force: its new title must not show.
        var draft = await app.AsAsync(People.Policy, m => m.Send(
            new SaveProcedureDraft("land-use-transfer", 3, Version3, LandTransfer.Files)));

        var list = await ListAsync(app);

        Assert.Equal(PublishStatus.Drafted, draft.Status);
        Assert.Null(list.Rejection);
        Assert.Equal(
            [("land-use-transfer", 2), ("business-household-registration", 2), ("birth-registration", 2)],
            list.Procedures.Select(p => (p.Code, p.Version)).OrderByDescending(p => p.Code, StringComparer.Ordinal));
        var land = list.Procedures.Single(p => p.Code == "land-use-transfer");
        Assert.Equal(("1.013831", Title), (land.NationalCode, land.Title.Vi));
        Assert.Equal(new LocalizedText("8 ngày làm việc", "8 working days"), land.Time.Words);
        Assert.Equal((8m, false, true), (land.Time.WorkingDays, land.Time.SameDay, land.Online));
        Assert.Equal(["province", "commune"], land.ReceivedAt.Select(l => l.Level));
        Assert.Equal(["Cấp tỉnh", "Cấp xã"], land.ReceivedAt.Select(l => l.Name.Vi));
        var communes = land.ReceivedAt[1].Units;
        Assert.Contains(communes, u => u.Code == "HP.LECHAN" && u.Name.Vi == "UBND phường Lê Chân");
        Assert.All(communes, u => Assert.Equal("commune", u.Level));
        // The province's one-stop service centre comes first among the province's units.
        Assert.Equal("HP.TTPVHCC", land.ReceivedAt[0].Units[0].Code);
        var birth = list.Procedures.Single(p => p.Code == "birth-registration");
        Assert.Equal(["commune"], birth.ReceivedAt.Select(l => l.Level));
        // The unit picker offers every unit that receives at least one procedure, by level.
        Assert.Equal(["province", "commune"], list.Units.Select(l => l.Level));
        Assert.Equal(land.ReceivedAt.SelectMany(l => l.Units).Select(u => u.Code).Order(StringComparer.Ordinal),
            list.Units.SelectMany(l => l.Units).Select(u => u.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Publishing_changes_the_catalogue_at_once_and_retiring_changes_it_back(StorageProvider provider)
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(provider), Now);
        var before = await DetailsAsync(app, "land-use-transfer");
        await app.AsAsync(People.Policy, m => m.Send(
            new SaveProcedureDraft("land-use-transfer", 3, Version3, LandTransfer.Files)));

        var published = await app.AsAsync(People.Policy, m => m.Send(
            new PublishProcedureVersion("land-use-transfer", 3)));
        var listed = (await ListAsync(app)).Procedures.Single(p => p.Code == "land-use-transfer");
        var after = await DetailsAsync(app, "land-use-transfer");
        var searched = await ListAsync(app, "sua doi");
        var retired = await app.AsAsync(People.Policy, m => m.Send(
            new RetireProcedureVersion("land-use-transfer", 3)));
        var back = await DetailsAsync(app, "land-use-transfer");

        Assert.Equal((2, Title), (before.Procedure.Version, before.Procedure.Title.Vi));
        Assert.Equal(PublishStatus.Published, published.Status);
        Assert.Equal((3, "Đăng ký chuyển nhượng quyền sử dụng đất (sửa đổi)", "9 ngày làm việc"),
            (listed.Version, listed.Title.Vi, listed.Time.Words.Vi));
        Assert.Equal((3, 9m), (after.Procedure.Version, after.Procedure.Time.WorkingDays));
        Assert.Equal(["land-use-transfer"], searched.Procedures.Select(p => p.Code));
        Assert.NotEqual(PublishStatus.Refused, retired.Status);
        Assert.Equal((2, Title), (back.Procedure.Version, back.Procedure.Title.Vi));
    }

    [Theory]
    [InlineData("chuyen nhuong", "land-use-transfer")]
    [InlineData("CHUYỂN NHƯỢNG", "land-use-transfer")]
    [InlineData("  nhuong   chuyen ", "land-use-transfer")]
    [InlineData("dat dai", "land-use-transfer")]
    [InlineData("Đất Đai", "land-use-transfer")]
    [InlineData("khai sinh", "birth-registration")]
    [InlineData("ho kinh doanh", "business-household-registration")]
    [InlineData("1.013831", "land-use-transfer")]
    [InlineData("land-use right transfer", "land-use-transfer")]
    [InlineData("chuyen nhuong khai sinh", "")]
    [InlineData("xe may", "")]
    public async Task Searches_names_codes_and_legal_basis_without_diacritics(string text, string expected)
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);

        var found = await ListAsync(app, text);

        Assert.Null(found.Rejection);
        Assert.Equal(expected.Length == 0 ? [] : [expected], found.Procedures.Select(p => p.Code));
    }

    [Fact]
    public async Task A_unit_picked_keeps_the_procedures_its_level_may_receive()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);

        var atWard = await ListAsync(app, unit: "HP.LECHAN");
        var atCentre = await ListAsync(app, unit: "HP.TTPVHCC");
        var landAtCentre = await ListAsync(app, "dat", " HP.TTPVHCC ");
        var birthAtCentre = await ListAsync(app, "khai sinh", "HP.TTPVHCC");

        Assert.Equal(3, atWard.Procedures.Length);
        Assert.Equal(["land-use-transfer"], atCentre.Procedures.Select(p => p.Code));
        Assert.Equal(["land-use-transfer"], landAtCentre.Procedures.Select(p => p.Code));
        Assert.Empty(birthAtCentre.Procedures);
        Assert.Null(birthAtCentre.Rejection);
    }

    [Fact]
    public async Task An_unknown_code_unit_or_form_and_an_overlong_search_are_refused_saying_what_to_fix()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);

        var unknown = await app.AsAsync(null, m => m.Send(new GetPublicProcedure("no-such-procedure")));
        var unit = await ListAsync(app, unit: "HP.NOWHERE");
        var longText = await ListAsync(app, new string('a', CatalogueSearch.MaxLength + 1));
        var control = await ListAsync(app, "dat\u202Edai");
        var form = await app.AsAsync(null, m => m.Send(new GetBlankForm("land-use-transfer", "control-slip")));
        var formOfUnknown = await app.AsAsync(null, m => m.Send(new GetBlankForm("no-such-procedure", "receipt")));

        Assert.Null(unknown.Procedure);
        Assert.Equal(("procedure-unknown.public", "code"), (unknown.Rejection?.Key, unknown.Rejection?.Field));
        Assert.Contains("'no-such-procedure'", unknown.Rejection!.MessageIn(CultureInfo.GetCultureInfo("vi-VN")),
            StringComparison.Ordinal);
        Assert.Equal(("field-invalid.unit", "unit"), (unit.Rejection?.Key, unit.Rejection?.Field));
        Assert.Equal("Đơn vị 'HP.NOWHERE' không có trong danh mục đơn vị.",
            unit.Rejection!.MessageIn(CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal(("field-invalid.too-long", "text"), (longText.Rejection?.Key, longText.Rejection?.Field));
        Assert.Equal("field-invalid.control-character", control.Rejection?.Key);
        Assert.Equal(("not-found.form", "form"), (form.Rejection?.Key, form.Rejection?.Field));
        Assert.Null(form.Html);
        Assert.Equal("procedure-unknown.public", formOfUnknown.Rejection?.Key);
        Assert.All([unknown.Rejection, unit.Rejection, longText.Rejection, form.Rejection], r =>
            Assert.DoesNotContain("{", r!.MessageIn(CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_procedure_page_says_its_fees_papers_forms_result_and_fields_in_words()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);

        var land = await DetailsAsync(app, " land-use-transfer ");

        Assert.Equal(
            [("Lệ phí đăng ký biến động đất đai", 30000m, "30.000 đ", "30,000 VND"),
                ("Phí thẩm định hồ sơ", 150000m, "150.000 đ", "150,000 VND")],
            land.Fees.Select(f => (f.Name.Vi, f.Amount, f.AmountText.Vi, f.AmountText.En)));
        Assert.StartsWith("Theo nghị quyết", land.Fees[0].Note?.Vi, StringComparison.Ordinal);
        Assert.Contains("Luật Đất đai 2024 (31/2024/QH15), Điều 131, 133", land.LegalBasis);
        Assert.Equal(
            [("form-18", "Bản chính", 1, true), ("certificate", "Bản chính", 1, true),
                ("contract", "Bản chính", 1, true), ("mortgage-consent", "Bản chính", 1, false)],
            land.Components.Select(c => (c.Id, c.FormText.Vi, c.Quantity, c.Required)));
        // No component of the sample procedures has a form of its own: the papers handed to the applicant are listed.
        Assert.All(land.Components, c => Assert.Null(c.BlankForm));
        Assert.Equal(["result-notice", "receipt", "supplement-request", "refusal", "apology", "stop-notice"],
            land.Forms.Select(f => f.Id));
        Assert.Equal("Mẫu số 01 (Thông tư 03/2025/TT-VPCP)", land.Forms[1].FormNumber?.Vi);
        Assert.Equal(("Thông báo kết quả giải quyết hồ sơ", true), (land.Result?.Document.Vi, land.Result?.Paper));
        var kind = land.Fields.Single(f => f.Name == "applicant_kind");
        Assert.Equal(("Người sử dụng đất", "Chọn một", true), (kind.Label.Vi, kind.Kind.Vi, kind.Required));
        Assert.Equal(["Cá nhân, hộ gia đình", "Tổ chức"], kind.Choices.Select(c => c.Vi));
        Assert.Equal("Ngày (ngày/tháng/năm)", land.Fields.Single(f => f.Name == "contract_date").Kind.Vi);
    }

    [Fact]
    public async Task Every_form_offered_downloads_blank_with_the_procedures_facts_and_no_specimen_values()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var procedures = (await ListAsync(app)).Procedures;
        var downloads = new List<(string Code, string Form, BlankFormResult Result)>();
        foreach (var procedure in procedures)
        {
            foreach (var form in (await DetailsAsync(app, procedure.Code)).Forms)
            {
                downloads.Add((procedure.Code, form.Id,
                    await app.AsAsync(null, m => m.Send(new GetBlankForm(procedure.Code, form.Id)))));
            }
        }

        Assert.True(downloads.Count >= 12, $"Only {downloads.Count} forms are offered.");
        Assert.All(downloads, d =>
        {
            Assert.Null(d.Result.Rejection);
            Assert.Equal($"{d.Code}-v2-{d.Form}.html", d.Result.FileName);
            Assert.Contains(BlankForm.Line, d.Result.Html, StringComparison.Ordinal);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", d.Result.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("UNIT-260302", d.Result.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", d.Result.Html, StringComparison.OrdinalIgnoreCase);
        });
        var receipt = downloads.Single(d => d is { Code: "land-use-transfer", Form: "receipt" }).Result.Html!;
        Assert.Contains(Title + " (mã thủ tục 1.013831)", receipt, StringComparison.Ordinal);
        Assert.Contains("08 ngày làm việc", receipt, StringComparison.Ordinal);
        Assert.Contains("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18)", receipt,
            StringComparison.Ordinal);
        Assert.Contains("https://dichvucong.gov.vn/", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_with_a_document_of_its_id_offers_that_document_as_its_blank_form()
    {
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite), Now);
        var json = Version3.Replace("\"documents\": [\n",
            "\"documents\": [\n    { \"id\": \"form-18\", \"title\": { \"vi\": \"Đơn đăng ký biến động (Mẫu số 18)\", "
            + "\"en\": \"Form 18\" }, \"template\": \"form-18.sbn-html\" },\n", StringComparison.Ordinal);
        Assert.NotEqual(Version3, json);
        var files = LandTransfer.Files.SetItem("templates/form-18.sbn-html",
            "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head>\n"
            + "<body>{{ include '_heading.sbn-html' }}<h1>{{ title }}</h1>\n"
            + "<p>Kính gửi: {{ receiving_unit.name }}</p><p>Họ tên: {{ applicant.name }}</p></body></html>\n");
        await app.AsAsync(People.Policy, m => m.Send(new SaveProcedureDraft("land-use-transfer", 3, json, files)));
        var published = await app.AsAsync(People.Policy, m => m.Send(
            new PublishProcedureVersion("land-use-transfer", 3)));

        var land = await DetailsAsync(app, "land-use-transfer");
        var form = await app.AsAsync(null, m => m.Send(new GetBlankForm("land-use-transfer", "form-18")));

        Assert.True(published.Status == PublishStatus.Published, published.Message);
        Assert.Equal("form-18", land.Components.Single(c => c.Id == "form-18").BlankForm);
        Assert.All(land.Components.Where(c => c.Id != "form-18"), c => Assert.Null(c.BlankForm));
        Assert.Equal(("form-18", "form-18"), (land.Forms[0].Id, land.Forms[0].Component));
        Assert.Contains("<h1>Đơn đăng ký biến động (Mẫu số 18)</h1>", form.Html, StringComparison.Ordinal);
        Assert.Contains($"Họ tên: {BlankForm.Line}", form.Html, StringComparison.Ordinal);
    }
}
