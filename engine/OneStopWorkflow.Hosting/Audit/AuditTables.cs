using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mediator;

namespace OneStopWorkflow.Hosting.Audit;

public enum AuditFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A table of the audit page, read through the same audit queries (so their access rules apply) and written as CSV
/// or XLSX as it is read: a unit's whole year of cases streams page by page, never held in memory at once.
/// </summary>
public sealed class AuditTables
{
    public static readonly IReadOnlyList<string> Names = ["cases", "units", "months", "steps", "daily"];

    /// <summary>Rows of one XLSX sheet at most; a longer table continues on the next sheet (the format allows 1,048,576).</summary>
    public const int RowsPerSheet = 1_000_000;

    private const int Page = 1000;

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
            var request = new ListAuditCases(filter, figure ?? "received") { Take = Page, CountTotal = false };
            var first = await mediator.Send(request, cancellationToken);
            return first.Rejection is { } r ? (null, r.Message) : (new AuditTables(name,
                ["dossier_code", "procedure", "unit", "received", "appointment", "finished", "status", "outcome", "timeliness"],
                CasesAsync(mediator, request, first, cancellationToken)), null);
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

    /// <summary>Writes the table; returns the number of rows written, not counting the header.</summary>
    public Task<int> WriteAsync(Stream output, AuditFormat format, CancellationToken cancellationToken) =>
        format == AuditFormat.Xlsx ? WriteXlsxAsync(output, cancellationToken) : WriteCsvAsync(output, cancellationToken);

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
    /// Streams the sheet XML with the Open XML SDK's forward-only writer: memory stays flat whatever the row count.
    /// The header row is bold; every value is an inline string, as the CSV has it.
    /// </summary>
    private async Task<int> WriteXlsxAsync(Stream output, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        AddStyles(workbook);
        var sheets = new Sheets();
        var count = 0;
        await using var rows = Rows.GetAsyncEnumerator(cancellationToken);
        var more = await rows.MoveNextAsync();
        do
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, Header, bold: true);
                for (var inSheet = 0; more && inSheet < RowsPerSheet; inSheet++, count++)
                {
                    WriteRow(writer, rows.Current, bold: false);
                    more = await rows.MoveNextAsync();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var number = (uint)sheets.ChildElements.Count + 1;
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = number, Name = number == 1 ? Name : $"{Name}-{number}" });
        }
        while (more);

        workbook.Workbook = new Workbook(sheets);
        workbook.Workbook.Save();
        return count;
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> values, bool bold)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>The least stylesheet Excel accepts, with a second cell format in bold for the header.</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> CasesAsync(
        IMediator mediator, ListAuditCases request, AuditCaseList page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var c in page.Cases)
            {
                yield return [c.DossierCode, c.Procedure, c.Unit, c.ReceivedDay, Time(c.Appointment), Time(c.FinishedAt), c.Status, c.Outcome ?? "", c.Timeliness ?? ""];
            }

            if (page.Cases.Length < Page)
            {
                yield break;
            }

            var last = page.Cases[^1];
            page = await mediator.Send(request with { After = new AuditCursor(last.ReceivedAt, last.Id) }, cancellationToken);
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
