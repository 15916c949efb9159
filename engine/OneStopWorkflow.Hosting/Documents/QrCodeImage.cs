using System.Text;
using QRCoder;

namespace OneStopWorkflow.Hosting.Documents;

/// <summary>
/// Draws a text as a QR code for papers: an SVG (text, so the same link always gives the same bytes and prints sharp
/// at any size) in a <c>data:</c> URI, the only kind of image the documents' security policy lets a paper show.
/// </summary>
public static class QrCodeImage
{
    /// <summary>
    /// Error correction M (15 %) keeps a code readable through a crease or a stamp without making it dense.
    /// </summary>
    public static string DataUri(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(
            1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
