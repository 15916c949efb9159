using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Mediator;
using OneStopWorkflow.Hosting.Audit;

namespace OneStopWorkflow.Designer.Auditing;

/// <summary>A table of an audit page as header and rows of text, exported as CSV or XLSX with the page's filters.</summary>
public sealed record AuditTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static readonly IReadOnlyList<string> Names = ["cases", "units", "months", "steps", "daily"];

    /// <summary>Builds a table through the same audit queries as the page, so their access rules apply.</summary>
    public static async Task<(AuditTable? Table, string? Problem)> LoadAsync(
        IMediator mediator, string name, AuditFilter filter, string? figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        if (name == "cases")
        {
            var list = await mediator.Send(new ListAuditCases(filter, figure ?? "received") { Take = 1000 }, cancellationToken);
            return list.Rejection is { } r ? (null, r.Message) : (new AuditTable(name,
                ["dossier_code", "procedure", "unit", "received", "appointment", "finished", "status", "outcome", "timeliness"],
                [.. list.Cases.Select(c => (IReadOnlyList<string>)[c.DossierCode, c.Procedure, c.Unit, c.ReceivedDay, Time(c.Appointment), Time(c.FinishedAt),
                    c.Status, c.Outcome ?? "", c.Timeliness ?? ""])]), null);
        }

        if (name == "daily")
        {
            var daily = await mediator.Send(new GetDailyFigures(filter), cancellationToken);
            return daily.Rejection is { } r ? (null, r.Message) : (new AuditTable(name, ["day", "tickets", "advice", "received", "returned"],
                [.. daily.Days.Select(d => (IReadOnlyList<string>)[d.Day, N(d.Tickets), N(d.Advice), N(d.Received), N(d.Returned)])]), null);
        }

        var result = await mediator.Send(new GetCompliance(filter), cancellationToken);
        if (result.Figures is not { } f)
        {
            return (null, result.Rejection?.Message);
        }

        return name switch
        {
            "units" or "months" => (new AuditTable(name, [name == "units" ? "unit" : "month", "received", "late", "overdue", "on_time_rate"],
                [.. (name == "units" ? f.ByUnit : f.ByMonth).Select(g => (IReadOnlyList<string>)[g.Key, N(g.Received), N(g.Late), N(g.Overdue), D(g.OnTimeRate)])]), null),
            "steps" => (new AuditTable(name, ["procedure", "step", "done", "within_budget", "rate", "average_working_days"],
                [.. f.Steps.Select(s => (IReadOnlyList<string>)[s.Procedure, s.Step, N(s.Done), N(s.WithinBudget), D(s.Rate), D(s.AverageWorkingDays)])]), null),
            _ => (null, $"Unknown table '{name}'; use one of {string.Join(", ", Names)}."),
        };
    }

    public string ToCsv()
    {
        var csv = new StringBuilder();
        foreach (var row in Rows.Prepend(Header))
        {
            csv.AppendLine(string.Join(",", row.Select(v => v.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v)));
        }

        return csv.ToString();
    }

    public byte[] ToXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Name);
        foreach (var (row, r) in Rows.Prepend(Header).Select((row, r) => (row, r)))
        {
            foreach (var (value, c) in row.Select((value, c) => (value, c)))
            {
                sheet.Cell(r + 1, c + 1).Value = value;
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
