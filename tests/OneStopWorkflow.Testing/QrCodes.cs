using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using ZXing;

namespace OneStopWorkflow.Testing;

/// <summary>
/// Reads QR codes back with ZXing's decoder, from grey pixels (a printed page) or from the SVG the server draws, which
/// is rasterised here: its path is a run of one-module-high rectangles, <c>M{x} {y}h{w}v1h-{w}z</c>.
/// </summary>
public static partial class QrCodes
{
    private const string SvgDataUri = "data:image/svg+xml;base64,";

    /// <summary>The text of the QR code in 8-bit grey <paramref name="pixels"/>; null if none reads.</summary>
    public static string? Decode(byte[] pixels, int width, int height)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))
            ?.Text;
    }

    /// <summary>The text of the QR code an SVG <c>data:</c> URI draws, or null if none reads.</summary>
    public static string? DecodeSvg(string dataUri)
    {
        ArgumentNullException.ThrowIfNull(dataUri);
        Assert.StartsWith(SvgDataUri, dataUri, StringComparison.Ordinal);
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(dataUri[SvgDataUri.Length..]));
        var box = ViewBox().Match(svg);
        Assert.True(box.Success, "The QR code's SVG has no square viewBox.");
        const int Scale = 4;
        var modules = Number(box.Groups[1].Value);
        var size = modules * Scale;
        var pixels = Enumerable.Repeat((byte)255, size * size).ToArray();
        var runs = Run().Matches(svg);
        Assert.NotEmpty(runs);
        foreach (Match run in runs)
        {
            var (x, y, w) = (Number(run.Groups[1].Value), Number(run.Groups[2].Value), Number(run.Groups[3].Value));
            for (var row = y * Scale; row < (y + 1) * Scale; row++)
            {
                Array.Fill(pixels, (byte)0, (row * size) + (x * Scale), w * Scale);
            }
        }

        return Decode(pixels, size, size);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\3z")]
    private static partial Regex Run();
}
