namespace OneStopWorkflow.Hosting.Online;

/// <summary>
/// What a file is, judged by its content, never by its name or the type its sender claimed: a PDF begins with
/// <c>%PDF-</c> and ends with <c>%%EOF</c> (within its last kilobyte), a JPEG with the SOI marker and a frame marker,
/// a PNG with its eight-byte signature and an IHDR chunk. Three kinds, checked by their published signatures; a
/// library that sniffs hundreds of types would add nothing here.
/// </summary>
public static class ScanContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static ReadOnlySpan<byte> PdfStart => "%PDF-"u8;
    private static ReadOnlySpan<byte> PdfEnd => "%%EOF"u8;
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PngHeader => "IHDR"u8;

    /// <summary>The media type the content is, or null when it is none of the three.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfStart))
        {
            var tail = content[Math.Max(0, content.Length - 1024)..];
            return tail.IndexOf(PdfEnd) >= 0 ? Pdf : null;
        }

        if (content.Length > 24 && content.StartsWith(PngSignature) && content[12..16].SequenceEqual(PngHeader))
        {
            return Png;
        }

        // SOI, then a marker segment (FF xx); a JPEG also ends with EOI (FF D9), allowing trailing padding.
        if (content.Length > 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            var tail = content[Math.Max(0, content.Length - 1024)..];
            return tail.IndexOf([(byte)0xFF, (byte)0xD9]) >= 0 ? Jpeg : null;
        }

        return null;
    }

    /// <summary>The extension a download of that type is named with.</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => ".bin",
    };
}
