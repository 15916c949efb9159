using System.Globalization;
using System.Runtime.CompilerServices;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Audit.Export;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Audit;

public enum AuditFormat
{
    Csv,
    Xlsx,
}

/// <summary>A column of an audit table: its header in both languages, and whether its values are numbers.</summary>
public sealed record AuditColumn(LocalizedText Header, bool Numeric = false);

/// <summary>
/// A table of the audit page, read through the same audit queries (so their access rules apply) and written as CSV
/// or XLSX as it is read: a province's whole year of cases streams from one ordered query, never held in memory.
/// Headers and words (procedure, unit and step names, statuses, dates) are in the reader's language; numbers are
/// written with a decimal point in CSV and as numbers in XLSX, so a spreadsheet can sum them.
/// </summary>
public sealed class AuditTables
{
    public static readonly IReadOnlyList<string> Names =
        ["cases", "units", "months", "steps", "daily", "indicators", "processing"];

    /// <summary>
    /// Rows of one XLSX sheet at most; a longer table continues on the next sheet (the format allows 1,048,576).
    /// </summary>
    public const int RowsPerSheet = 1_000_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private AuditTables(
        string name, IReadOnlyList<AuditColumn> columns, IAsyncEnumerable<IReadOnlyList<string>> rows,
        bool english) =>
        (Name, Columns, Rows, English) = (name, columns, rows, english);

    public string Name { get; }
    public IReadOnlyList<AuditColumn> Columns { get; }
    public IAsyncEnumerable<IReadOnlyList<string>> Rows { get; }

    /// <summary>Whether the headers and words are written in English rather than Vietnamese.</summary>
    public bool English { get; }

    /// <summary>The header row in the table's language.</summary>
    public IReadOnlyList<string> Header => [.. Columns.Select(c => English ? c.Header.En : c.Header.Vi)];

    /// <summary>
    /// Opens a table; the first query runs now, so a refusal or an unknown name is known before anything is written.
    /// <paramref name="language"/> picks the words (Vietnamese unless it is English).
    /// </summary>
    public static async Task<(AuditTables? Table, string? Problem)> OpenAsync(
        IMediator mediator, string name, AuditFilter filter, string? figure, CancellationToken cancellationToken,
        CultureInfo? language = null)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        var english = language?.TwoLetterISOLanguageName == "en";
        string Say(Rejection? r) => r?.MessageIn(english ? CultureInfo.InvariantCulture : Vietnamese) ?? "";
        if (!Names.Contains(name))
        {
            return (null, english
                ? $"Unknown table '{CaseAccess.Quote(name)}'; use one of {string.Join(", ", Names)}."
                : $"Không có bảng '{CaseAccess.Quote(name)}'; dùng một trong: {string.Join(", ", Names)}.");
        }

        var names = await mediator.Send(new GetNames(), cancellationToken);
        var words = new Words(names, english);
        if (name == "cases")
        {
            return await CasesTableAsync(mediator, filter, figure ?? AuditFigure.Received, words, cancellationToken);
        }

        if (name == "daily")
        {
            var daily = await mediator.Send(new GetDailyFigures(filter), cancellationToken);
            return daily.Rejection is { } refused ? (null, Say(refused)) : (DailyTable(daily.Days, words), null);
        }

        var result = await mediator.Send(new GetCompliance(filter), cancellationToken);
        return result.Figures is not { } f
            ? (null, Say(result.Rejection))
            : (name switch
            {
                "steps" => StepsTable(f, words),
                "indicators" => IndicatorsTable(f.Indicators, words),
                "processing" => ProcessingTable(f.Indicators, words),
                _ => GroupsTable(name, name == "units" ? f.ByUnit : f.ByMonth, words),
            }, null);
    }

    /// <summary>
    /// Writes the table; returns the number of rows written, not counting the header. An XLSX sheet holds at most
    /// <paramref name="rowsPerSheet"/> rows; the rest continue on sheets named "cases-2", "cases-3"…, each with the
    /// header.
    /// </summary>
    public Task<int> WriteAsync(
        Stream output, AuditFormat format, CancellationToken cancellationToken, int rowsPerSheet = RowsPerSheet) =>
        format == AuditFormat.Xlsx
            ? XlsxWriter.WriteAsync(output, this, Math.Clamp(rowsPerSheet, 1, RowsPerSheet), cancellationToken)
            : CsvWriter.WriteAsync(output, this, cancellationToken);

    private static async Task<(AuditTables? Table, string? Problem)> CasesTableAsync(
        IMediator mediator, AuditFilter filter, string figure, Words words, CancellationToken cancellationToken)
    {
        // The first page is asked for only to check access; the rows then come in one ordered pass.
        var first = await mediator.Send(
            new ListAuditCases(filter, figure) { Take = 1, CountTotal = false }, cancellationToken);
        return first.Rejection is { } r
            ? (null, r.MessageIn(words.English ? CultureInfo.InvariantCulture : Vietnamese))
            : (new AuditTables("cases",
                [
                    Text("Mã hồ sơ", "Dossier code"), Text("Thủ tục", "Procedure"), Text("Đơn vị", "Unit"),
                    Text("Ngày tiếp nhận", "Received"), Text("Hẹn trả", "Appointment"),
                    Text("Ngày kết thúc", "Finished"), Text("Trạng thái", "Status"), Text("Kết quả", "Outcome"),
                    Text("Đúng hạn", "Timeliness"),
                ],
                CasesAsync(mediator, new StreamAuditCases(filter, figure), words, cancellationToken), words.English),
                null);
    }

    private static AuditTables DailyTable(IEnumerable<DailyFigures> days, Words words) =>
        new("daily",
            [
                Text("Ngày", "Day"), Number("Số phiếu", "Tickets"), Number("Chỉ hướng dẫn", "Advice only"),
                Number("Tiếp nhận", "Received"), Number("Trả kết quả", "Returned"),
            ],
            Listed(days.Select(d => (IReadOnlyList<string>)
                [words.Day(d.Day), N(d.Tickets), N(d.Advice), N(d.Received), N(d.Returned)])), words.English);

    private static AuditTables StepsTable(ComplianceFigures f, Words words) =>
        new("steps",
            [
                Text("Thủ tục", "Procedure"), Text("Bước", "Step"), Number("Đã xong", "Done"),
                Number("Trong hạn của bước", "Within budget"), Number("Tỷ lệ (%)", "Rate (%)"),
                Number("Số ngày làm việc trung bình", "Average working days"),
            ],
            Listed(f.Steps.Select(s => (IReadOnlyList<string>)
            [
                words.Procedure(s.Procedure), words.Step(s.Procedure, s.Step), N(s.Done), N(s.WithinBudget),
                D(s.Rate), D(s.AverageWorkingDays),
            ])), words.English);

    /// <summary>
    /// The Decision 766 indicators by unit, then all units together: each column headed by the indicator's number
    /// and name, then the counts they are computed from.
    /// </summary>
    private static AuditTables IndicatorsTable(Decision766Figures f, Words words)
    {

        IReadOnlyList<string> Row(Decision766Group g) =>
        [
            g.Key.Length == 0 ? (words.English ? "All units" : "Tất cả đơn vị") : words.Unit(g.Key),
            D(g.OnTimeRate), g.AverageWorkingDays is { } days ? D(days) : "", D(g.OnlineRate),
            g.EResultRate is { } e ? D(e) : "", D(g.DigitisedRate), D(g.Satisfaction), N(g.Received), N(g.Handled),
            N(g.LateBySupplements), N(g.Processed), N(g.Online), N(g.PaperResult), N(g.EResults), N(g.Digitised),
            N(g.Complaints),
        ];
        return new("indicators",
            [
                Text("Đơn vị", "Unit"), Indicator("2.1"), Indicator("2.2", "ngày làm việc", "working days"),
                Indicator("3.3"), Indicator("4.1"), Indicator("4.2"), Indicator("5.4"),
                Number("Tiếp nhận", "Received"), Number("Phải giải quyết", "Handled"),
                Number("Bổ sung quá 1 lần", "Supplement asked twice or more"), Number("Đã giải quyết", "Processed"),
                Number("Trực tuyến được tính", "Online counted"),
                Number("Thủ tục có kết quả bản giấy", "Paper-result dossiers"),
                Number("Có kết quả điện tử", "With an e-result"), Number("Được số hóa", "Digitised"),
                Number("Phản ánh, không hài lòng", "Complaints"),
            ],
            Listed([.. f.ByUnit.Select(Row), Row(f.Total)]), words.English);
    }

    /// <summary>A number column headed by a Decision 766 indicator's number, name and unit.</summary>
    private static AuditColumn Indicator(string number, string? unitVi = "%", string? unitEn = "%")
    {
        var name = Decision766Indicator.Of(number).Name;
        return new(new LocalizedText(
            $"{number} {name.Vi}" + (unitVi is null ? "" : $" ({unitVi})"),
            $"{number} {name.En}" + (unitEn is null ? "" : $" ({unitEn})")), Numeric: true);
    }

    /// <summary>Indicator 2.2 by procedure: cases processed and their average working days.</summary>
    private static AuditTables ProcessingTable(Decision766Figures f, Words words) =>
        new("processing",
            [
                Text("Thủ tục", "Procedure"), Number("Đã giải quyết", "Processed"),
                Indicator("2.2", null, null),
            ],
            Listed(f.ByProcedure.Select(p => (IReadOnlyList<string>)
                [words.Procedure(p.Procedure), N(p.Processed), p.AverageWorkingDays is { } d ? D(d) : ""])),
            words.English);

    private static AuditTables GroupsTable(string name, IEnumerable<GroupFigures> groups, Words words) =>
        new(name,
            [
                name == "units" ? Text("Đơn vị", "Unit") : Text("Tháng", "Month"), Number("Tiếp nhận", "Received"),
                Number("Trả quá hạn", "Finished late"), Number("Đang quá hạn", "Overdue now"),
                Number("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
            ],
            Listed(groups.Select(g => (IReadOnlyList<string>)
            [
                name == "units" ? words.Unit(g.Key) : words.Month(g.Key), N(g.Received), N(g.Late), N(g.Overdue),
                D(g.OnTimeRate),
            ])), words.English);

    private static async IAsyncEnumerable<IReadOnlyList<string>> CasesAsync(
        IMediator mediator, StreamAuditCases query, Words words,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in mediator.CreateStream(query, cancellationToken))
        {
            yield return
            [
                c.DossierCode, words.Procedure(c.Procedure), words.Unit(c.Unit), words.Day(c.ReceivedDay),
                words.Time(c.Appointment), words.Time(c.FinishedAt), words.Status(c.Status),
                words.Outcome(c.Outcome), words.Timeliness(c.Timeliness),
            ];
        }
    }

    // Rows already in memory, offered as the same asynchronous sequence as the streamed ones.
#pragma warning disable CS1998
    private static async IAsyncEnumerable<IReadOnlyList<string>> Listed(IEnumerable<IReadOnlyList<string>> rows)
#pragma warning restore CS1998
    {
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static AuditColumn Text(string vi, string en) => new(new LocalizedText(vi, en));

    private static AuditColumn Number(string vi, string en) => new(new LocalizedText(vi, en), Numeric: true);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Codes and stored values as the reader's language writes them.</summary>
    private sealed record Words(CodeNames Names, bool English)
    {
        private string In(LocalizedText text) => English ? text.En : text.Vi;

        public string Procedure(string code) => In(Names.Procedure(code));

        public string Unit(string code) => In(Names.Unit(code));

        public string Step(string procedure, string step) => In(Names.Step(procedure, step));

        public string Day(string iso) =>
            DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString(English ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture)
                : iso;

        public string Month(string iso) =>
            !English && iso.Length == 7 && iso[4] == '-' ? $"{iso[5..]}/{iso[..4]}" : iso;

        public string Time(DateTimeOffset? t) =>
            t?.ToString(English ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? "";

        public string Status(string status) => status switch
        {
            "open" => English ? "Being processed" : "Đang giải quyết",
            "paused" => English ? "Paused" : "Tạm dừng tính thời hạn",
            "finished" => English ? "Finished" : "Đã kết thúc",
            _ => status,
        };

        public string Outcome(string? outcome) => outcome is null ? ""
            : In(RejectionWords.Outcome(
                Enum.TryParse<Engine.Definitions.Outcome>(outcome, true, out var o) ? o : null));

        public string Timeliness(string? timeliness) => timeliness switch
        {
            "early" => English ? "Early" : "Trước hạn",
            "on-time" => English ? "On time" : "Đúng hạn",
            "late" => English ? "Late" : "Quá hạn",
            _ => "",
        };
    }
}
