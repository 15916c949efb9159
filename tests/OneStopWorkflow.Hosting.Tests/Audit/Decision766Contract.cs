using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>
/// The Decision 766 indicators of <see cref="Decision766Population"/>, counted by hand below, on each store.
/// <code>
/// received 12 (L 7: T1 T2 T3 T4 B1 B2 B3; H 5: T5 T6 B4 B5 B6); handled 11 (T6 withdrawn): L 7, H 4
/// early T1 T2 T4 T5; on time B1 B2 B3 B4; late B5; overdue now T3 B6 (appointments 12/3 and 9/3 17:00)
/// 2.1  T4 finished early but was asked for a supplement twice: late. On time = 8 − 1 = 7 of 11 = 63,6 %
///      L: T1 T2 B1 B2 B3 = 5 of 7 = 71,4 %; H: T5 B4 = 2 of 4 = 50,0 %
/// 2.2  working minutes, clock start to end less the time the clock stopped (supplements, tax):
///      T1 T2 3 days − tax 1 day = 960 each; T4 6 days − 1 − 1 − 1 hour = 1 860; T5 4 days − 1 day − 1 hour
///      = 1 380; B1 B2 B4 180 each; B3 120; B5 7 h on 9/3 + 2 h on 10/3 = 540.
///      Land (960 + 960 + 1 860 + 1 380) / 4 = 1 290 min = 2,69 days; births (180 × 3 + 120 + 540) / 5 =
///      240 min = 0,5 days; all 6 360 / 9 = 706,7 min = 1,47 days; L 4 260 / 6 = 1,48; H 2 100 / 3 = 1,46
/// 3.3  online T2 T3 B1 B4; results are papers, so T3 (no e-result) does not count: 3 of 12 = 25,0 %
///      L: T2 B1 = 2 of 7 = 28,6 %; H: B4 = 1 of 5 = 20,0 %
/// 4.1  e-results T1 T2 B1 B2 B4 of 12 paper-result dossiers = 41,7 %; L 4 of 7 = 57,1 %; H 1 of 5 = 20,0 %
/// 4.2  scanned T2 T3 B1 B2 B4, with an e-result T2 B1 B2 B4 = 4 of 12 = 33,3 %; L 3 of 7 = 42,9 %; H 20,0 %
/// 5.4  overdue 4 of 11 = 36,4 %; complaints (ratings ≤ 2) B4 B5 = 2 of 12 = 16,7 %: 100 − 36,4 − 16,7 = 46,9 %
///      L: 100 − 28,6 − 0 = 71,4 %; H: overdue 2 of 4 = 50,0 %, complaints 2 of 5 = 40,0 %: 10,0 %
/// </code>
/// </summary>
public abstract class Decision766Contract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly Actor Admin = new("admin.hp", [new Membership("HP", "admin")]);

    [Fact]
    public async Task The_766_indicators_match_the_population_counted_by_hand()
    {
        await using var app = await StartAsync(Decision766Population.Start);
        await Decision766Population.SeedAsync(app);

        var figures = (await app.AsAsync(People.Auditor,
            m => m.Send(new GetCompliance(Decision766Population.Filter)))).Figures!;
        var all = figures.Indicators.Total;

        Assert.Equal((12, 11, 4, 4, 1, 2), (figures.Received, figures.Handled, figures.FinishedEarly,
            figures.FinishedOnTime, figures.FinishedLate, figures.OpenOverdue));
        Assert.Equal((63.6m, 1), (all.OnTimeRate, all.LateBySupplements));
        Assert.Equal((9, 1.47m), (all.Processed, all.AverageWorkingDays));
        Assert.Equal((3, 25.0m), (all.Online, all.OnlineRate));
        Assert.Equal((12, 5, 41.7m), (all.PaperResult, all.EResults, all.EResultRate));
        Assert.Equal((4, 33.3m), (all.Digitised, all.DigitisedRate));
        Assert.Equal((36.4m, 2, 16.7m, 46.9m), (all.OverdueRate, all.Complaints, all.ComplaintRate, all.Satisfaction));
    }

    [Fact]
    public async Task The_766_indicators_by_unit_and_the_processing_time_by_procedure_match_the_count()
    {
        await using var app = await StartAsync(Decision766Population.Start);
        await Decision766Population.SeedAsync(app);

        var indicators = (await app.AsAsync(People.Auditor,
            m => m.Send(new GetCompliance(Decision766Population.Filter)))).Figures!.Indicators;

        Assert.Equal(
            [
                ("HP.HONGAN", 5, 50.0m, 1.46m, 20.0m, (decimal?)20.0m, 20.0m, 10.0m),
                ("HP.LECHAN", 7, 71.4m, 1.48m, 28.6m, 57.1m, 42.9m, 71.4m),
            ],
            indicators.ByUnit.Select(g => (g.Key, g.Received, g.OnTimeRate, g.AverageWorkingDays!.Value,
                g.OnlineRate, g.EResultRate, g.DigitisedRate, g.Satisfaction)));
        Assert.Equal([("birth-registration", 5, (decimal?)0.5m), ("land-use-transfer", 4, 2.69m)],
            indicators.ByProcedure.Select(p => (p.Procedure, p.Processed, p.AverageWorkingDays)));
    }

    [Fact]
    public async Task An_e_result_filed_after_the_case_ended_counts_at_once_and_the_recount_agrees()
    {
        await using var app = await StartAsync(Decision766Population.Start);
        var ids = await Decision766Population.SeedAsync(app);
        var filter = Decision766Population.Filter with { Unit = "HP.HONGAN" };

        var before = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(filter)))).Figures!;
        await Decision766Population.EResultAsync(app, ids["B5"], "2026-03-20T11:00:00+07:00");
        var after = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(filter)))).Figures!;
        var check = await app.AsAsync(Admin, m => m.Send(new CheckFigures()));
        await using var db = app.Db();
        var kept = await db.CaseFigures.SumAsync(f => f.EResult, TestContext.Current.CancellationToken);

        Assert.Equal((1, 2), (before.Indicators.Total.EResults, after.Indicators.Total.EResults));
        Assert.Equal(40.0m, after.Indicators.Total.EResultRate);
        Assert.True(check.IsEqual, string.Join("; ", check.Differences));
        Assert.Equal(6, kept);
    }

    [Fact]
    public async Task The_indicators_export_as_csv_by_unit_with_a_total_row_and_the_processing_time_by_procedure()
    {
        await using var app = await StartAsync(Decision766Population.Start);
        await Decision766Population.SeedAsync(app);

        var indicators = await CsvAsync(app, "indicators", CultureInfo.GetCultureInfo("vi-VN"));
        var processing = await CsvAsync(app, "processing", CultureInfo.GetCultureInfo("en"));

        Assert.StartsWith("Đơn vị,2.1 Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (%)", indicators[0].Replace("\"", ""),
            StringComparison.Ordinal);
        Assert.Equal(4, indicators.Length);
        Assert.StartsWith("UBND phường Hồng An,50,1.46,20,20,20,10,5,4,", indicators[1],
            StringComparison.Ordinal);
        Assert.StartsWith("Tất cả đơn vị,63.6,1.47,25,41.7,33.3,46.9,12,11,1,9,3,12,5,4,2", indicators[3],
            StringComparison.Ordinal);
        Assert.Equal(
            ["Birth registration,5,0.5", "Registration of a land-use right transfer,4,2.69"], processing[1..]);
    }

    /// <summary>An audit table of the population as CSV lines, as the auditor downloads it.</summary>
    private static async Task<string[]> CsvAsync(TestApp app, string name, CultureInfo language) =>
        await app.AsAsync(People.Auditor, async m =>
        {
            var (table, problem) = await AuditTables.OpenAsync(m, name, Decision766Population.Filter, null,
                TestContext.Current.CancellationToken, language);
            Assert.True(table is not null, problem);
            using var csv = new MemoryStream();
            await table.WriteAsync(csv, AuditFormat.Csv, TestContext.Current.CancellationToken);
            return Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF')
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        });
}

public sealed class SqliteDecision766Tests() : Decision766Contract(StorageProvider.Sqlite);

public sealed class PostgresDecision766Tests() : Decision766Contract(StorageProvider.Postgres);
