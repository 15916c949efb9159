using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop report compliance</c>: the audit figures of the configured database, as a table, CSV or JSON.
/// </summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First day of receipt, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of receipt, yyyy-MM-dd.", Required = true };
        var unit = new Option<string>("--unit")
        {
            Description = "A unit and the units below it (default: HP).", DefaultValueFactory = _ => "HP",
        };
        var procedure = new Option<string?>("--procedure") { Description = "Only this procedure code." };
        var format = new Option<string>("--format")
        {
            Description = "table, csv or json.", DefaultValueFactory = _ => "table",
        };
        var compliance = new Command("compliance",
            "Deadline compliance of the cases received in a period and their Decision 766 indicators "
            + "(2.1, 2.2, 3.3, 4.1, 4.2, 5.4).")
        {
            from, to, unit, procedure, format,
        };
        compliance.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(from)!, result.GetValue(to)!, result.GetValue(unit)!,
            result.GetValue(procedure), result.GetValue(format)!, cancellationToken));
        return new Command("report", "Reports from the configured database.") { compliance };
    }

    private static async Task<int> RunAsync(
        string from, string to, string unit, string? procedure, string format, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(
                from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(
                to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            await Console.Error.WriteLineAsync(
                "error: give --from and --to as yyyy-MM-dd, e.g. --from 2026-03-01 --to 2026-03-31.");
            return 2;
        }

        if (format is not ("table" or "csv" or "json"))
        {
            await Console.Error.WriteLineAsync($"error: --format {format} is not known; use table, csv or json.");
            return 2;
        }

        using var host = StoreHost.Build(null, null);
        await using var scope = host.Services.CreateAsyncScope();

        // Whoever can run the CLI against the database is its operator: the report runs with an admin's reading
        // rights.
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor =
            new Actor("cli", [new Membership(unit, Roles.Admin)]);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new GetCompliance(new AuditFilter(unit, first, last) { Procedure = procedure }), cancellationToken);
        if (result.Figures is not { } f)
        {
            await Console.Error.WriteLineAsync($"error: {result.Rejection?.Message}");
            return 1;
        }

        (string Name, string Value)[] rows =
        [
            ("received", N(f.Received)), ("handled", N(f.Handled)),
            ("finished_early", N(f.FinishedEarly)), ("finished_on_time", N(f.FinishedOnTime)),
            ("finished_late", N(f.FinishedLate)), ("withdrawn", N(f.Withdrawn)),
            ("open_on_time", N(f.OpenOnTime)), ("open_overdue", N(f.OpenOverdue)),
            ("on_time_rate", D(f.OnTimeRate)), ("online", N(f.Online)), ("online_share", D(f.OnlineShare)),
            ("ratings", N(f.Ratings)),
            ("average_rating", f.AverageRating is { } a ? D(a) : ""), ("escalations", N(f.Escalations)),
        ];
        Console.Write(format switch
        {
            "json" => JsonSerializer.Serialize(f, Json) + "\n",
            "csv" => "figure,value\n"
                + string.Concat(rows.Concat(IndicatorRows(f.Indicators.Total)).Select(r => $"{r.Name},{r.Value}\n")),
            _ => $"Compliance of {unit}{(procedure is null ? "" : $" ({procedure})")}, received {from} to {to}\n"
                + string.Concat(rows.Select(r => $"  {r.Name,-18} {r.Value,10}\n"))
                + string.Concat(f.ByUnit.Select(g => $"  unit {g.Key,-13} received {g.Received,5}  late {g.Late,4}  "
                    + $"overdue {g.Overdue,4}  on time {D(g.OnTimeRate),6} %\n"))
                + IndicatorTable(f.Indicators),
        });
        return 0;
    }

    /// <summary>The Decision 766 indicators as CSV rows, named by their number.</summary>
    private static IEnumerable<(string Name, string Value)> IndicatorRows(Decision766Group g) =>
    [
        ("indicator_2_1_on_time_rate", D(g.OnTimeRate)), ("indicator_2_1_late_by_supplements", N(g.LateBySupplements)),
        ("indicator_2_2_processed", N(g.Processed)),
        ("indicator_2_2_average_working_days", g.AverageWorkingDays is { } d ? D(d) : ""),
        ("indicator_3_3_online", N(g.Online)), ("indicator_3_3_online_rate", D(g.OnlineRate)),
        ("indicator_4_1_paper_result", N(g.PaperResult)), ("indicator_4_1_e_results", N(g.EResults)),
        ("indicator_4_1_e_result_rate", g.EResultRate is { } e ? D(e) : ""),
        ("indicator_4_2_digitised", N(g.Digitised)), ("indicator_4_2_digitised_rate", D(g.DigitisedRate)),
        ("indicator_5_4_overdue_rate", D(g.OverdueRate)), ("indicator_5_4_complaints", N(g.Complaints)),
        ("indicator_5_4_complaint_rate", D(g.ComplaintRate)), ("indicator_5_4_satisfaction", D(g.Satisfaction)),
    ];

    /// <summary>
    /// The Decision 766 indicators as a table: each by number, name, value and formula, then by unit, then 2.2 by
    /// procedure.
    /// </summary>
    private static string IndicatorTable(Decision766Figures f)
    {
        var t = f.Total;
        string Value(string number, Decision766Group g) => number switch
        {
            "2.1" => $"{D(g.OnTimeRate)} %",
            "2.2" => g.AverageWorkingDays is { } d ? $"{D(d)} days" : "-",
            "3.3" => $"{D(g.OnlineRate)} %",
            "4.1" => g.EResultRate is { } e ? $"{D(e)} %" : "-",
            "4.2" => $"{D(g.DigitisedRate)} %",
            _ => $"{D(g.Satisfaction)} %",
        };
        var lines = new List<string> { "Decision 766 indicators (Bộ chỉ số 766)" };
        lines.AddRange(Decision766Indicator.All.Select(i =>
            $"  {i.Number} {i.Name.En,-45} {Value(i.Number, t),10}\n        = {i.Formula.En}"));
        lines.Add($"  counts: handled {N(t.Handled)}, late by supplements {N(t.LateBySupplements)}, processed "
            + $"{N(t.Processed)}, online {N(t.Online)}, paper-result {N(t.PaperResult)}, e-results {N(t.EResults)}, "
            + $"digitised {N(t.Digitised)}, complaints {N(t.Complaints)}");
        lines.AddRange(f.ByUnit.Select(g => $"  unit {g.Key,-13} "
            + string.Join("  ", Decision766Indicator.All.Select(i => $"{i.Number} {Value(i.Number, g)}"))));
        lines.AddRange(f.ByProcedure.Select(p => $"  procedure {p.Procedure,-30} 2.2 "
            + (p.AverageWorkingDays is { } d ? $"{D(d)} days" : "-") + $" over {N(p.Processed)} processed"));
        return string.Concat(lines.Select(l => l + "\n"));
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
