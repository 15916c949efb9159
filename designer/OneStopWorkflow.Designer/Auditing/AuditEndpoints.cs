using System.Globalization;
using Mediator;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Documents;

namespace OneStopWorkflow.Designer.Auditing;

/// <summary>
/// Exports of every audit table, the live control slip of a case and the tracking book, all read-only.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this WebApplication app)
    {
        var audit = app.MapGroup("/audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Auditor, Roles.Leader, Roles.Admin));

        audit.MapGet("/export/{table}.{format}", async (
            string table, string format, string unit, string from, string to, string? procedure,
            string? figure, bool? children, IMediator mediator, CancellationToken ct) =>
        {
            if (Filter(unit, from, to, procedure) is not { } found)
            {
                return ApiResults.Missing("from", "2026-01-01");
            }

            // children=false: the unit's own cases only, as behind a unit's bar on the audit page.
            var filter = found with { IncludeChildren = children ?? true };

            var (data, problem) = await AuditTables.OpenAsync(
                mediator, table, filter, figure, ct, CultureInfo.CurrentUICulture);
            if (data is null)
            {
                return Results.Problem(problem, statusCode: AuditTables.Names.Contains(table)
                    ? StatusCodes.Status403Forbidden
                    : StatusCodes.Status404NotFound);
            }

            // Written to a temporary file first: an XLSX is a zip that needs a seekable stream, and a failure halfway
            // then yields an error instead of half a file.
            var xlsx = format == "xlsx";
            var file = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose);
            try
            {
                await data.WriteAsync(file, xlsx ? AuditFormat.Xlsx : AuditFormat.Csv, ct);
                file.Position = 0;
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }

            var name = $"{table}-{unit}-{from}-{to}";
            return xlsx
                ? Results.File(
                    file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx")
                : Results.File(file, "text/csv; charset=utf-8", $"{name}.csv");
        });

        // The control slip as it stands now: every hand-over so far, rendered from the trail like any issued
        // document.
        audit.MapGet("/control-slip/{caseId}", async (string caseId, IMediator mediator, CancellationToken ct) =>
            Html(await mediator.Send(new GetControlSlip(caseId), ct)));

        audit.MapGet("/verify/{caseId}", async (string caseId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new VerifyTrails(caseId), ct) switch
            {
                { Report: { } report } => Results.Text(report.IsClean
                    ? $"{report.Events} event(s) verified: the trail is intact."
                    : string.Join("\n", report.Broken.Select(b =>
                        $"BROKEN case {b.DossierCode} at event {b.Sequence}: {b.Reason}."))),

                // An unknown case is 404, not "intact"; verification is for auditors and admins (403).
                var refused => ApiResults.Problem([refused.Rejection!]),
            });

        audit.MapGet("/tracking-book", async (
            string unit, string from, string to, IMediator mediator, CancellationToken ct) =>
            Filter(unit, from, to, null) is { } filter
                ? Html(await mediator.Send(new GetTrackingBook(filter.Unit, filter.From, filter.To), ct))
                : ApiResults.Missing("from", "2026-01-01"));
    }

    private static IResult Html(DocumentResult result) =>
        result.Html is { } html
            ? SecurityHeaders.Paper(html)
            : ApiResults.Problem([result.Rejection!]);

    public static AuditFilter? Filter(string unit, string from, string to, string? procedure) =>
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
        && DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new AuditFilter(unit, f, t) { Procedure = string.IsNullOrWhiteSpace(procedure) ? null : procedure }
            : null;
}
