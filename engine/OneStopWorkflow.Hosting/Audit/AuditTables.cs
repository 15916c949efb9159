using OneStopWorkflow.Engine.Refusals;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security;
using System.Text;
using System.Xml;
using Mediator;

namespace OneStopWorkflow.Hosting.Audit;

public enum AuditFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A table of the audit page, read through the same audit queries (so their access rules apply) and written as CSV
/// or XLSX as it is read: a province's whole year of cases streams from one ordered query, never held in memory.
/// </summary>
public sealed class AuditTables
{
    public static readonly IReadOnlyList<string> Names = ["cases", "units", "months", "steps", "daily"];

    /// <summary>Rows of one XLSX sheet at most; a longer table continues on the next sheet (the format allows 1,048,576).</summary>
    public const int RowsPerSheet = 1_000_000;

    private AuditTables(string name, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows) =>
        (Name, Header, Rows) = (name, header, rows);

    public string Name { get; }
    public IReadOnlyList<string> Header { get; }
    public IAsyncEnumerable<IReadOnlyList<string>> Rows { get; }

    /// <summary>Opens a table; the first query runs now, so a refusal or an unknown name is known before anything is written.</summary>
    public static async Task<(AuditTables? Table, string? Problem)> OpenAsync(
        IMediator mediator, string name, AuditFilter filter, string? figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        if (name == "cases")
        {
            // The first page is asked for only to check access; the rows then come in one ordered pass.
            var figures = figure ?? "received";
            var first = await mediator.Send(new ListAuditCases(filter, figures) { Take = 1, CountTotal = false }, cancellationToken);
            return first.Rejection is { } r ? (null, r.Message) : (new AuditTables(name,
                ["dossier_code", "procedure", "unit", "received", "appointment", "finished", "status", "outcome", "timeliness"],
                CasesAsync(mediator, new StreamAuditCases(filter, figures), cancellationToken)), null);
        }

        if (name == "daily")
        {
            var daily = await mediator.Send(new GetDailyFigures(filter), cancellationToken);
            return daily.Rejection is { } r ? (null, r.Message) : (new AuditTables(name, ["day", "tickets", "advice", "received", "returned"],
                Listed(daily.Days.Select(d => (IReadOnlyList<string>)[d.Day, N(d.Tickets), N(d.Advice), N(d.Received), N(d.Returned)]))), null);
        }

        if (!Names.Contains(name))
        {
            return (null, $"Unknown table '{name}'; use one of {string.Join(", ", Names)}.");
        }

        var result = await mediator.Send(new GetCompliance(filter), cancellationToken);
        if (result.Figures is not { } f)
        {
            return (null, result.Rejection?.Message);
        }

        return name == "steps"
            ? (new AuditTables(name, ["procedure", "step", "done", "within_budget", "rate", "average_working_days"],
                Listed(f.Steps.Select(s => (IReadOnlyList<string>)[s.Procedure, s.Step, N(s.Done), N(s.WithinBudget), D(s.Rate), D(s.AverageWorkingDays)]))), null)
            : (new AuditTables(name, [name == "units" ? "unit" : "month", "received", "late", "overdue", "on_time_rate"],
                Listed((name == "units" ? f.ByUnit : f.ByMonth).Select(g => (IReadOnlyList<string>)[g.Key, N(g.Received), N(g.Late), N(g.Overdue), D(g.OnTimeRate)]))), null);
    }

    /// <summary>
    /// Writes the table; returns the number of rows written, not counting the header. An XLSX sheet holds at most
    /// <paramref name="rowsPerSheet"/> rows; the rest continue on sheets named "cases-2", "cases-3"…, each with the header.
    /// </summary>
    public Task<int> WriteAsync(Stream output, AuditFormat format, CancellationToken cancellationToken, int rowsPerSheet = RowsPerSheet) =>
        format == AuditFormat.Xlsx ? WriteXlsxAsync(output, Math.Clamp(rowsPerSheet, 1, RowsPerSheet), cancellationToken) : WriteCsvAsync(output, cancellationToken);

    private async Task<int> WriteCsvAsync(Stream output, CancellationToken cancellationToken)
    {
        // With a byte order mark, so that Excel reads the Vietnamese names as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(Csv(Header));
        var count = 0;
        await foreach (var row in Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Csv(row));
            count++;
        }

        return count;
    }

    private static string Csv(IReadOnlyList<string> row) =>
        string.Join(",", row.Select(v => v.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v));

    /// <summary>
    /// Writes the workbook as a zip whose entries are written once, in order: memory stays flat whatever the row
    /// count (the Open XML SDK's package holds every sheet in memory until it closes: 1.4 GB for a province-year).
    /// The header row is bold; every value is an inline string, as the CSV has it.
    /// </summary>
    private async Task<int> WriteXlsxAsync(Stream output, int rowsPerSheet, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var count = 0;
        var sheets = 0;
        await using var rows = Rows.GetAsyncEnumerator(cancellationToken);
        var more = await rows.MoveNextAsync();
        do
        {
            sheets++;
            await using var stream = zip.CreateEntry($"xl/worksheets/sheet{sheets}.xml", CompressionLevel.Fastest).Open();
            await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
            await xml.WriteStartDocumentAsync(true);
            await xml.WriteStartElementAsync(null, "worksheet", Main);
            await xml.WriteStartElementAsync(null, "sheetData", Main);
            await WriteRowAsync(xml, Header, bold: true);
            for (var inSheet = 0; more && inSheet < rowsPerSheet; inSheet++, count++)
            {
                await WriteRowAsync(xml, rows.Current, bold: false);
                more = await rows.MoveNextAsync();
            }

            await xml.WriteEndDocumentAsync();
        }
        while (more);

        var names = Enumerable.Range(1, sheets).Select(n => n == 1 ? Name : $"{Name}-{n}").ToArray();
        await EntryAsync(zip, "[Content_Types].xml", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{{string.Concat(names.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))}}</Types>
            """);
        await EntryAsync(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        await EntryAsync(zip, "xl/workbook.xml", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{{Main}}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{{string.Concat(names.Select((n, i) => $"<sheet name=\"{SecurityElement.Escape(n)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))}}</sheets></workbook>
            """);
        await EntryAsync(zip, "xl/_rels/workbook.xml.rels", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{{string.Concat(names.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))}}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);

        // The least stylesheet Excel accepts, with a second cell format in bold for the header.
        await EntryAsync(zip, "xl/styles.xml", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{{Main}}"><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """);
        return count;
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static async Task EntryAsync(ZipArchive zip, string name, string content)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(content));
    }

    private static async Task WriteRowAsync(XmlWriter xml, IReadOnlyList<string> values, bool bold)
    {
        await xml.WriteStartElementAsync(null, "row", Main);
        foreach (var value in values)
        {
            await xml.WriteStartElementAsync(null, "c", Main);
            await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
            if (bold)
            {
                await xml.WriteAttributeStringAsync(null, "s", null, "1");
            }

            await xml.WriteStartElementAsync(null, "is", Main);
            await xml.WriteStartElementAsync(null, "t", Main);
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            {
                await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
            }

            // Control characters cannot appear in XML at all; a name pasted with one still exports.
            await xml.WriteStringAsync(value.Any(ch => ch < ' ' && ch is not '\t' and not '\n' and not '\r')
                ? new string([.. value.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r')])
                : value);
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> CasesAsync(
        IMediator mediator, StreamAuditCases query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in mediator.CreateStream(query, cancellationToken))
        {
            yield return [c.DossierCode, c.Procedure, c.Unit, c.ReceivedDay, Time(c.Appointment), Time(c.FinishedAt), c.Status, c.Outcome ?? "", c.Timeliness ?? ""];
        }
    }

#pragma warning disable CS1998 // Rows already in memory, offered as the same asynchronous sequence as the paged ones.
    private static async IAsyncEnumerable<IReadOnlyList<string>> Listed(IEnumerable<IReadOnlyList<string>> rows)
#pragma warning restore CS1998
    {
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
