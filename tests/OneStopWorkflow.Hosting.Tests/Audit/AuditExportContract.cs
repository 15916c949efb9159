using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>The cases behind a figure, listed a page at a time and exported whole, in one order.</summary>
public abstract class AuditExportContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly AuditFilter March = new("HP", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private static readonly string[] Receipts =
    [
        "2026-03-02T09:00:00+07:00", "2026-03-02T09:00:00+07:00", "2026-03-03T10:00:00+07:00",
        "2026-03-04T08:00:00+07:00", "2026-03-04T08:00:00+07:00",
    ];

    [Fact]
    public async Task The_cases_behind_a_figure_page_in_one_order()
    {
        await using var app = await StartAsync(Receipts[0]);
        var codes = await ReceiveAsync(app);

        var all = await app.AsAsync(People.Auditor, m => m.Send(new ListAuditCases(March, "received")));
        var paged = await PagedAsync(app);

        Assert.Equal(5, all.Total);
        Assert.Equal(all.Cases.Select(c => c.Id), paged.Select(c => c.Id));
        Assert.Equal(codes.Order(StringComparer.Ordinal),
            paged.Select(c => c.DossierCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_cases_export_whole_to_one_xlsx_sheet_in_the_lists_order()
    {
        await using var app = await StartAsync(Receipts[0]);
        await ReceiveAsync(app);
        var paged = await PagedAsync(app);

        using var xlsx = new MemoryStream();
        Assert.Equal((5, null), await ExportAsync(app, People.Auditor, AuditFormat.Xlsx, xlsx));

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToArray();
        Assert.Equal(
            [
                "Mã hồ sơ", "Thủ tục", "Đơn vị", "Ngày tiếp nhận", "Hẹn trả", "Ngày kết thúc", "Trạng thái",
                "Kết quả", "Đúng hạn",
            ],
            rows[0]);
        // Words, not codes: the procedure's title, the unit's name, the status; dates written dd/MM/yyyy.
        Assert.All(rows.Skip(1), r => Assert.Equal("Đăng ký biến động quyền sử dụng đất do chuyển nhượng", r[1]));
        Assert.All(rows.Skip(1), r => Assert.Equal("UBND phường Lê Chân", r[2]));
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", r[3]));
        Assert.All(rows.Skip(1), r => Assert.Equal("Đang giải quyết", r[6]));
        Assert.Equal(paged.Select(c => c.DossierCode), rows.Skip(1).Select(r => r[0]));
        Assert.Equal("cases", document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Name?.Value);
    }

    [Fact]
    public async Task A_table_longer_than_a_sheet_continues_on_the_next_each_sheet_with_its_header()
    {
        await using var app = await StartAsync(Receipts[0]);
        await ReceiveAsync(app);
        var paged = await PagedAsync(app);

        using var split = new MemoryStream();
        Assert.Equal((5, null), await ExportAsync(app, People.Auditor, AuditFormat.Xlsx, split, rowsPerSheet: 2));

        using var document = SpreadsheetDocument.Open(new MemoryStream(split.ToArray()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => (s.Name!.Value, ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet
                .Descendants<Row>().Select(r => r.Elements<Cell>().First().InnerText).ToArray()))
            .ToArray();
        Assert.Equal(["cases", "cases-2", "cases-3"], sheets.Select(s => s.Item1));
        Assert.All(sheets, s => Assert.Equal("Mã hồ sơ", s.Item2[0]));
        Assert.Equal(paged.Select(c => c.DossierCode), sheets.SelectMany(s => s.Item2.Skip(1)));
    }

    [Fact]
    public async Task A_figures_table_has_headers_in_the_readers_language_and_its_counts_as_numbers_in_xlsx()
    {
        await using var app = await StartAsync(Receipts[0]);
        await ReceiveAsync(app);

        foreach (var (language, header) in new[] { ("vi-VN", "Tiếp nhận"), ("en-GB", "Received") })
        {
            using var xlsx = new MemoryStream();
            await app.AsAsync(People.Auditor, async m =>
            {
                var (table, problem) = await AuditTables.OpenAsync(m, "units", March, null,
                    TestContext.Current.CancellationToken, CultureInfo.GetCultureInfo(language));
                Assert.Null(problem);
                return await table!.WriteAsync(xlsx, AuditFormat.Xlsx, TestContext.Current.CancellationToken);
            });

            using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToArray();
            Assert.Equal(header, rows[0].Elements<Cell>().ElementAt(1).InnerText);
            var lechan = rows.Skip(1).Single(r => r.Elements<Cell>().First().InnerText
                is "UBND phường Lê Chân" or "Le Chan Ward People's Committee");
            var received = lechan.Elements<Cell>().ElementAt(1);
            Assert.Null(received.DataType);
            Assert.Equal("5", received.CellValue?.Text);
        }
    }

    [Fact]
    public async Task The_cases_export_whole_to_csv_under_a_header_line()
    {
        await using var app = await StartAsync(Receipts[0]);
        await ReceiveAsync(app);

        using var csv = new MemoryStream();
        await ExportAsync(app, People.Auditor, AuditFormat.Csv, csv);

        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task A_clerk_is_refused_the_export_before_anything_is_written()
    {
        await using var app = await StartAsync(Receipts[0]);

        var refused = await ExportAsync(app, People.ClerkLeChan, AuditFormat.Csv, Stream.Null);

        Assert.Equal(0, refused.Rows);
        Assert.Contains("cán bộ kiểm tra", refused.Problem, StringComparison.Ordinal);
    }

    /// <summary>Receives the five land transfers of <see cref="Receipts"/>; returns their dossier codes.</summary>
    private static async Task<List<string>> ReceiveAsync(TestApp app)
    {
        var codes = new List<string>();
        foreach (var at in Receipts)
        {
            app.Clock.SetUtcNow(At(at));
            codes.Add((await app.ReceiveLandTransferAsync()).DossierCode);
        }

        return codes;
    }

    /// <summary>The received cases of March as the auditor lists them, two a page.</summary>
    private static async Task<List<AuditCase>> PagedAsync(TestApp app)
    {
        var paged = new List<AuditCase>();
        for (var skip = 0; skip < 6; skip += 2)
        {
            var page = await app.AsAsync(People.Auditor, m => m.Send(
                new ListAuditCases(March, "received") { Skip = skip, Take = 2, CountTotal = false }));
            paged.AddRange(page.Cases);
        }

        return paged;
    }

    /// <summary>
    /// Exports March's cases as <paramref name="actor"/>: a table reads its rows as it writes them, through the scope
    /// it was opened in.
    /// </summary>
    private static async Task<(int Rows, string? Problem)> ExportAsync(
        TestApp app, Actor actor, AuditFormat format, Stream output, int rowsPerSheet = AuditTables.RowsPerSheet) =>
        await app.AsAsync(actor, async m =>
        {
            var (table, problem) = await AuditTables.OpenAsync(m, "cases", March, null,
                TestContext.Current.CancellationToken);
            return table is null
                ? (0, problem)
                : (await table.WriteAsync(output, format, TestContext.Current.CancellationToken, rowsPerSheet), null);
        });
}

public sealed class SqliteAuditExportTests() : AuditExportContract(StorageProvider.Sqlite);

public sealed class PostgresAuditExportTests() : AuditExportContract(StorageProvider.Postgres);
