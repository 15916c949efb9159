using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OneStopWorkflow.Hosting.Audit.Export;

/// <summary>
/// Writes an audit table as an XLSX workbook: a zip whose entries are written once, in order, so memory stays flat
/// whatever the row count (the Open XML SDK's package holds every sheet in memory until it closes: 1.4 GB for a
/// province-year). The header row is bold; numeric columns are numbers, every other value an inline string.
/// </summary>
internal static class XlsxWriter
{
    /// <summary>The cell format of the header row in <see cref="XlsxPackage.Styles"/>: bold.</summary>
    private const string HeaderStyle = "1";

    /// <summary>
    /// Writes the workbook; returns the number of rows written, not counting the headers. A sheet holds at most
    /// <paramref name="rowsPerSheet"/> rows; the rest continue on the next sheets, each with the header.
    /// </summary>
    public static async Task<int> WriteAsync(
        Stream output, AuditTables table, int rowsPerSheet, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var count = 0;
        var sheets = 0;
        await using var rows = table.Rows.GetAsyncEnumerator(cancellationToken);
        var more = await rows.MoveNextAsync();
        do
        {
            sheets++;
            var entry = zip.CreateEntry(XlsxPackage.SheetPath(sheets), CompressionLevel.Fastest);
            await using var stream = entry.Open();
            var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
            await using var xml = XmlWriter.Create(stream, settings);
            await xml.WriteStartDocumentAsync(true);
            await xml.WriteStartElementAsync(null, "worksheet", XlsxPackage.Main);
            await xml.WriteStartElementAsync(null, "sheetData", XlsxPackage.Main);
            await WriteRowAsync(xml, table.Header, HeaderStyle, numeric: null);
            for (var inSheet = 0; more && inSheet < rowsPerSheet; inSheet++, count++)
            {
                await WriteRowAsync(xml, rows.Current, style: null, table.Columns);
                more = await rows.MoveNextAsync();
            }

            await xml.WriteEndDocumentAsync();
        }
        while (more);

        var names = Enumerable.Range(1, sheets).Select(n => n == 1 ? table.Name : $"{table.Name}-{n}").ToArray();
        foreach (var (path, content) in XlsxPackage.Parts(names))
        {
            await using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken);
        }

        return count;
    }

    private static async Task WriteRowAsync(
        XmlWriter xml, IReadOnlyList<string> values, string? style, IReadOnlyList<AuditColumn>? numeric)
    {
        await xml.WriteStartElementAsync(null, "row", XlsxPackage.Main);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (numeric is not null && i < numeric.Count && numeric[i].Numeric && IsNumber(value))
            {
                // A number cell: <c><v>12.5</v></c>, the invariant form the table already holds.
                await xml.WriteStartElementAsync(null, "c", XlsxPackage.Main);
                await xml.WriteElementStringAsync(null, "v", XlsxPackage.Main, value);
                await xml.WriteEndElementAsync();
                continue;
            }

            await xml.WriteStartElementAsync(null, "c", XlsxPackage.Main);
            await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
            if (style is not null)
            {
                await xml.WriteAttributeStringAsync(null, "s", null, style);
            }

            await xml.WriteStartElementAsync(null, "is", XlsxPackage.Main);
            await xml.WriteStartElementAsync(null, "t", XlsxPackage.Main);
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            {
                await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
            }

            await xml.WriteStringAsync(XmlText(value));
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out _);

    /// <summary>Control characters cannot appear in XML at all; a name pasted with one still exports.</summary>
    private static string XmlText(string value) => value.Any(IsControl)
        ? new string([.. value.Where(ch => !IsControl(ch))])
        : value;

    private static bool IsControl(char ch) => ch < ' ' && ch is not '\t' and not '\n' and not '\r';
}
