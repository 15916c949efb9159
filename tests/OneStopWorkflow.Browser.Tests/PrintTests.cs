using System.Diagnostics;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The rendered receipt, control slip and apology (the golden HTML of the sample scenarios, which the
/// Procedures tests prove equal to what the renderer produces) printed to PDF on A4 in Chromium.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class PrintTests
{
    public static TheoryData<string, string, int, string> Documents() => new()
    {
        {
            "land-use-transfer/v1/samples/on-time.documents/06-receipt.html", "HP.LECHAN-260302-0007", 1,
            "09 giờ 00 phút, ngày 12 tháng 3 năm 2026"
        },
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
        var path = Repository.PathOf("procedures", file);
        Assert.True(File.Exists(path), $"{file} is missing; the sample's documents changed (see SampleDocumentTests).");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var artifacts = Chromium.ArtifactsFolder("print");
        var name = Path.GetFileNameWithoutExtension(file);
        var pdfPath = Path.Combine(artifacts, $"{name}.pdf");

        await page.PdfAsync(new PagePdfOptions
        {
            Path = pdfPath, Format = "A4", PreferCSSPageSize = true, PrintBackground = true,
        });
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(artifacts, $"{name}.png"), FullPage = true,
        });

        var info = await RunAsync("pdfinfo", pdfPath);
        var text = Normalise(await RunAsync("pdftotext", "-layout", pdfPath, "-"));
        var pages = int.Parse(
            info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 1, maxPages);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
        Assert.Contains(dossierCode, text, StringComparison.Ordinal);
        Assert.Contains(appointment, text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// pdftotext keeps the layout's line breaks and runs of spaces; one space is enough to compare phrases.
    /// </summary>
    private static string Normalise(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(
            process.ExitCode == 0,
            $"{tool} failed: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        return output;
    }
}
