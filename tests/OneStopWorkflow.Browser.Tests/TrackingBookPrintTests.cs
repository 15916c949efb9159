using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 15, point 4: the tracking book (Mẫu 07) printed in Chromium is A4 landscape, repeats its column heads on every
/// page and fits at least ten cases on every full page, with texts as long as real ones.
/// </summary>
[Collection(Chromium.Collection)]
public sealed partial class TrackingBookPrintTests
{
    private const int Cases = 32;

    [Fact]
    public async Task Thirty_two_cases_print_landscape_with_the_heads_and_at_least_ten_cases_on_each_full_page()
    {
        var html = TrackingBook.Render(SharedTemplates(), Book());
        var pdf = await Pdf.PrintAsync(html, "tracking-book");

        var info = await Pdf.InfoAsync(pdf);
        Assert.Matches(@"Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)", info);
        var pages = Pdf.Pages(info);
        var perPage = new List<int>();
        for (var page = 1; page <= pages; page++)
        {
            var text = await Pdf.TextAsync(pdf, page);
            Assert.Contains("STT", text, StringComparison.Ordinal);
            Assert.Contains("Mã hồ sơ", text, StringComparison.Ordinal);
            perPage.Add(DossierCode().Count(text));
        }

        Assert.Equal(Cases, perPage.Sum());
        Assert.True(pages >= 2, $"{Cases} cases should need more than one page; the test would prove nothing.");
        Assert.All(perPage.SkipLast(1), count => Assert.InRange(count, 10, Cases));
    }

    /// <summary>A month of a ward's book, with procedures, addresses and agencies as long as the catalog's.</summary>
    private static TrackingBookModel Book()
    {
        string[] procedures =
        [
            "Đăng ký biến động quyền sử dụng đất do chuyển nhượng", "Đăng ký khai sinh",
            "Đăng ký thành lập hộ kinh doanh",
        ];
        string[] agencies =
            ["Chi nhánh Văn phòng Đăng ký đất đai số 1, Thuế thành phố Hải Phòng", "", "Thuế thành phố Hải Phòng"];
        var rows = Enumerable.Range(1, Cases).Select(i => new TrackingBookRow(
            i, $"HP.LECHAN-2603{(i / 4) + 2:00}-{i:0000}", procedures[i % 3], "Nguyễn Thị Phương Thảo",
            $"Số {i} ngõ 12 đường Lạch Tray, phường Lê Chân, thành phố Hải Phòng, 09123456{i:00}", agencies[i % 3],
            $"09:15 {(i / 4) + 2:00}/03/2026", "09:15 16/03/2026", i % 2 == 0 ? "14:30 13/03/2026" : "",
            i % 2 == 0 ? "Trước hạn" : "Đang giải quyết", i % 5 == 0 ? "Đã xin lỗi, hẹn lại" : ""));
        return new TrackingBookModel(new UnitInfo("HP.LECHAN", "UBND phường Lê Chân", "UBND thành phố Hải Phòng"),
            "01/03/2026", "31/03/2026", [.. rows]);
    }

    private static ImmutableDictionary<string, TemplateFile> SharedTemplates() =>
        Directory.EnumerateFiles(Repository.PathOf("procedures", "templates"), "*.sbn-html")
            .Select(f => new TemplateFile(Path.GetFileName(f), f, File.ReadAllText(f)))
            .ToImmutableDictionary(t => t.Name, StringComparer.Ordinal);

    [GeneratedRegex(@"HP\.LECHAN-\d{6}-\d{4}")]
    private static partial Regex DossierCode();
}
