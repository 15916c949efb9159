using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>Prints HTML to PDF in Chromium and reads it back with poppler's pdfinfo, pdftotext and pdftoppm.</summary>
internal static class Pdf
{
    /// <summary>Prints <paramref name="html"/> as a clerk's browser does, to tests/artifacts/print/.</summary>
    public static async Task<string> PrintAsync(string html, string name)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(html);
        var artifacts = Chromium.ArtifactsFolder("print");
        var path = Path.Combine(artifacts, $"{name}.pdf");
        await page.PdfAsync(new PagePdfOptions
        {
            Path = path, Format = "A4", PreferCSSPageSize = true, PrintBackground = true,
        });
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(artifacts, $"{name}.png"), FullPage = true,
        });
        return path;
    }

    public static Task<string> InfoAsync(string pdf) => RunAsync("pdfinfo", pdf);

    public static int Pages(string info) => int.Parse(
        info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
        CultureInfo.InvariantCulture);

    /// <summary>The text of page <paramref name="page"/> (from 1), or of all pages when null, spaces folded.</summary>
    public static async Task<string> TextAsync(string pdf, int? page = null)
    {
        string[] range = page is { } p ? ["-f", $"{p}", "-l", $"{p}"] : [];
        return Normalise(await RunAsync("pdftotext", [.. range, "-layout", pdf, "-"]));
    }

    /// <summary>A page rendered as 8-bit grey pixels at <paramref name="dpi"/>: its width, height and bytes.</summary>
    public static async Task<(int Width, int Height, byte[] Pixels)> GreyPageAsync(string pdf, int page, int dpi)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + $"-p{page}");
        await RunAsync("pdftoppm", "-r", $"{dpi}", "-gray", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf,
            prefix);
        var bytes = await File.ReadAllBytesAsync(prefix + ".pgm", TestContext.Current.CancellationToken);

        // A binary PGM: "P5", width, height and the maximum value, each followed by one whitespace, then the pixels.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
            at++;
        }

        Assert.Equal("P5", fields[0]);
        Assert.Equal("255", fields[3]);
        var (width, height) = (int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture));
        return (width, height, bytes[at..(at + (width * height))]);
    }

    /// <summary>pdftotext keeps the layout's line breaks and runs of spaces; one space is enough to compare.</summary>
    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");

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
