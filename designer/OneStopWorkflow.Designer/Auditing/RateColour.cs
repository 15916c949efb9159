using System.Globalization;

namespace OneStopWorkflow.Designer.Auditing;

/// <summary>A rate's colour on a scale from red (0 %) through amber to green (100 %), so the worst stand out.</summary>
public static class RateColour
{
    public static string Of(decimal rate)
    {
        // Hue 0 is red and 120 green; lightness kept below 45 % so white text and thin bars stay legible.
        var hue = (double)Math.Clamp(rate, 0, 100) * 1.2;
        var (r, g, b) = FromHsl(hue, 0.75, 0.42);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}");
    }

    private static (int R, int G, int B) FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var x = chroma * (1 - Math.Abs((hue / 60 % 2) - 1));
        var m = lightness - (chroma / 2);
        var (r, g, b) = hue < 60 ? (chroma, x, 0.0) : (x, chroma, 0.0);
        return (Channel(r + m), Channel(g + m), Channel(b + m));
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
