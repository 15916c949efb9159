namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The rendered receipt, control slip and apology (the golden HTML of the sample scenarios, which the
/// Procedures tests prove equal to what the renderer produces) printed to PDF on A4 in Chromium.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class PrintTests
{
    private const string Receipt = "land-use-transfer/v1/samples/on-time.documents/06-receipt.html";

    public static TheoryData<string, string, int, string> Documents() => new()
    {
        { Receipt, "HP.LECHAN-260302-0007", 1, "09 giờ 00 phút, ngày 12 tháng 3 năm 2026" },
        {
            // The slip's time columns wrap between the hour and the date.
            "land-use-transfer/v1/samples/on-time.documents/07-control-slip.html", "HP.LECHAN-260302-0007", 1,
            "02/03/2026"
        },
        {
            "land-use-transfer/v1/samples/overdue-apology.documents/14-apology.html", "HP.LECHAN-260302-0007", 1,
            "09 giờ 00 phút, ngày 12 tháng 3 năm 2026"
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_document_prints_on_a4_within_its_pages_with_its_code_date_and_diacritics(
        string file, string dossierCode, int maxPages, string appointment)
    {
        var pdf = await Pdf.PrintAsync(await ReadAsync(file), Path.GetFileNameWithoutExtension(file));

        var info = await Pdf.InfoAsync(pdf);
        var text = await Pdf.TextAsync(pdf);
        Assert.InRange(Pdf.Pages(info), 1, maxPages);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
        Assert.Contains(dossierCode, text, StringComparison.Ordinal);
        Assert.Contains(appointment, text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
    }

    /// <summary>Issue 15, point 4: what the printed Mẫu 01 carries besides the appointment.</summary>
    [Fact]
    public async Task The_printed_receipt_has_its_book_reference_and_a_qr_code_that_a_reader_opens_as_the_lookup_link()
    {
        var pdf = await Pdf.PrintAsync(await ReadAsync(Receipt), "05-receipt-qr");

        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 7.", text, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại:", text, StringComparison.Ordinal);
        var (width, height, pixels) = await Pdf.GreyPageAsync(pdf, 1, 200);
        Assert.Equal("https://dichvucong.haiphong.gov.vn/tra-cuu?code=HP.LECHAN-260302-0007",
            QrCodes.Decode(pixels, width, height));
    }

    private static async Task<string> ReadAsync(string file)
    {
        var path = Repository.PathOf("procedures", file);
        Assert.True(File.Exists(path), $"{file} is missing; the sample's documents changed (see SampleDocumentTests).");
        return await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
    }
}
