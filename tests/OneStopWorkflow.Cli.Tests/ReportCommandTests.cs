using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Cli.Tests;

/// <summary>
/// <c>onestop report compliance</c> prints the Decision 766 indicators of the stored cases. The case is the land
/// transfer sample that is returned for a supplement once (v2, whose result is a paper), counted by hand:
/// <code>
/// clock 2/3 09:00 → end 17/3 08:00: 10 working days + 6 h on 16/3 + 1 h on 17/3 = 87 h = 5 220 min
/// stopped: supplement 4/3 10:00 → 9/3 14:00 = 5 + 8 + 8 + 5 h = 1 560 min; tax 10/3 10:00 → 11/3 10:00 = 480 min
/// 2.2 = 5 220 − 2 040 = 3 180 min = 53 h = 6,625 → 6,63 working days
/// 2.1 finished early with one supplement: 100 %; 3.3 a counter dossier: 0 %; 4.1 a paper result without an
/// e-result: 0 %; 4.2 no scans: 0 %; 5.4 100 − 0 − 0 = 100 %
/// </code>
/// </summary>
public sealed class ReportCommandTests
{
    private const string Version = "procedures/land-use-transfer/v2";
    private const string Sample = "procedures/land-use-transfer/v2/samples/supplement-restart.json";

    [Fact]
    public async Task Report_compliance_prints_the_766_indicators_as_csv_and_as_a_table_with_their_formulas()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var env = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite", ["ConnectionStrings__OneStop"] = database.ConnectionString,
        };

        var simulated = await Onestop.RunAsync(env, "simulate", Version, Sample, "--store");
        var csv = await Onestop.RunAsync(env, "report", "compliance",
            "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv");
        var table = await Onestop.RunAsync(env, "report", "compliance", "--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal((0, ""), (simulated.ExitCode, simulated.Error));
        Assert.Equal((0, ""), (csv.ExitCode, csv.Error));
        foreach (var row in new[]
                 {
                     "indicator_2_1_on_time_rate,100", "indicator_2_1_late_by_supplements,0",
                     "indicator_2_2_processed,1", "indicator_2_2_average_working_days,6.63",
                     "indicator_3_3_online_rate,0", "indicator_4_1_paper_result,1", "indicator_4_1_e_result_rate,0",
                     "indicator_4_2_digitised_rate,0", "indicator_5_4_satisfaction,100",
                 })
        {
            Assert.Contains(row + "\n", csv.Output, StringComparison.Ordinal);
        }

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Decision 766 indicators", table.Output, StringComparison.Ordinal);
        Assert.Contains("2.2 Average processing time (working days)", table.Output, StringComparison.Ordinal);
        Assert.Contains("6.63 days", table.Output, StringComparison.Ordinal);
        Assert.Contains("= 100 % − the overdue rate", table.Output, StringComparison.Ordinal);
        Assert.Contains("procedure land-use-transfer", table.Output, StringComparison.Ordinal);
    }
}
