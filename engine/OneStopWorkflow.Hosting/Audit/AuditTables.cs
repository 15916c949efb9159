using System.Globalization;
using System.Runtime.CompilerServices;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Audit.Export;

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

    /// <summary>
    /// Rows of one XLSX sheet at most; a longer table continues on the next sheet (the format allows 1,048,576).
    /// </summary>
    public const int RowsPerSheet = 1_000_000;

    private AuditTables(string name, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows) =>
        (Name, Header, Rows) = (name, header, rows);

    public string Name { get; }
    public IReadOnlyList<string> Header { get; }
    public IAsyncEnumerable<IReadOnlyList<string>> Rows { get; }

    /// <summary>
    /// Opens a table; the first query runs now, so a refusal or an unknown name is known before anything is written.
    /// </summary>
    public static async Task<(AuditTables? Table, string? Problem)> OpenAsync(
        IMediator mediator, string name, AuditFilter filter, string? figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        if (name == "cases")
        {
            return await CasesTableAsync(mediator, filter, figure ?? AuditFigure.Received, cancellationToken);
        }

        if (name == "daily")
        {
            return await DailyTableAsync(mediator, filter, cancellationToken);
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

        return (name == "steps" ? StepsTable(f) : GroupsTable(name, name == "units" ? f.ByUnit : f.ByMonth), null);
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
        IMediator mediator, AuditFilter filter, string figure, CancellationToken cancellationToken)
    {
        // The first page is asked for only to check access; the rows then come in one ordered pass.
        var first = await mediator.Send(
            new ListAuditCases(filter, figure) { Take = 1, CountTotal = false }, cancellationToken);
        return first.Rejection is { } r
            ? (null, r.Message)
            : (new AuditTables("cases",
                ["dossier_code", "procedure", "unit", "received", "appointment", "finished", "status", "outcome",
                    "timeliness"],
                CasesAsync(mediator, new StreamAuditCases(filter, figure), cancellationToken)), null);
    }

    private static async Task<(AuditTables? Table, string? Problem)> DailyTableAsync(
        IMediator mediator, AuditFilter filter, CancellationToken cancellationToken)
    {
        var daily = await mediator.Send(new GetDailyFigures(filter), cancellationToken);
        return daily.Rejection is { } r
            ? (null, r.Message)
            : (new AuditTables("daily", ["day", "tickets", "advice", "received", "returned"],
                Listed(daily.Days.Select(d => (IReadOnlyList<string>)
                    [d.Day, N(d.Tickets), N(d.Advice), N(d.Received), N(d.Returned)]))), null);
    }

    private static AuditTables StepsTable(ComplianceFigures f) =>
        new("steps", ["procedure", "step", "done", "within_budget", "rate", "average_working_days"],
            Listed(f.Steps.Select(s => (IReadOnlyList<string>)
                [s.Procedure, s.Step, N(s.Done), N(s.WithinBudget), D(s.Rate), D(s.AverageWorkingDays)])));

    private static AuditTables GroupsTable(string name, IEnumerable<GroupFigures> groups) =>
        new(name, [name == "units" ? "unit" : "month", "received", "late", "overdue", "on_time_rate"],
            Listed(groups.Select(g => (IReadOnlyList<string>)
                [g.Key, N(g.Received), N(g.Late), N(g.Overdue), D(g.OnTimeRate)])));

    private static async IAsyncEnumerable<IReadOnlyList<string>> CasesAsync(
        IMediator mediator, StreamAuditCases query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in mediator.CreateStream(query, cancellationToken))
        {
            yield return
            [
                c.DossierCode, c.Procedure, c.Unit, c.ReceivedDay, Time(c.Appointment), Time(c.FinishedAt), c.Status,
                c.Outcome ?? "", c.Timeliness ?? "",
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

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? t) =>
        t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
