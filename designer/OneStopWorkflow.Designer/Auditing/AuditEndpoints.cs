using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using System.Globalization;
using Mediator;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer.Auditing;

/// <summary>Exports of every audit table, the live control slip of a case and the tracking book, all read-only.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this WebApplication app)
    {
        var audit = app.MapGroup("/audit").RequireAuthorization(p => p.RequireRole(Roles.Auditor, Roles.Leader, Roles.Admin));

        audit.MapGet("/export/{table}.{format}", async (string table, string format, string unit, string from, string to, string? procedure,
            string? figure, IMediator mediator, CancellationToken ct) =>
        {
            if (Filter(unit, from, to, procedure) is not { } filter)
            {
                return Results.Problem("Give from and to as yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);
            }

            var (data, problem) = await AuditTables.OpenAsync(mediator, table, filter, figure, ct);
            if (data is null)
            {
                return Results.Problem(problem, statusCode: AuditTables.Names.Contains(table) ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
            }

            // Written to a temporary file first: an XLSX is a zip that needs a seekable stream, and a failure halfway
            // then yields an error instead of half a file.
            var xlsx = format == "xlsx";
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
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
                ? Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx")
                : Results.File(file, "text/csv; charset=utf-8", $"{name}.csv");
        });

        // The control slip as it stands now: every hand-over so far, rendered from the trail like any issued document.
        audit.MapGet("/control-slip/{caseId}", async (string caseId, IMediator mediator, OneStopDbContext db, CasePipeline pipeline,
            IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
        {
            if ((await mediator.Send(new GetAvailableActions(caseId), ct)).Rejection is { } refused)
            {
                return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
            }

            var stored = await new CaseStore(db).FindAsync(caseId, ct);
            var version = await pipeline.VersionOfAsync(stored!, ct);
            var slip = version.Procedure.Documents.FirstOrDefault(d => d.Form == "06");
            if (slip is null)
            {
                return Results.Problem($"{version.Procedure.Code} v{version.Procedure.Version} declares no control slip (form 06).", statusCode: StatusCodes.Status404NotFound);
            }

            var now = version.At(time.GetUtcNow()).Now;
            var issued = new DocumentIssued(now, new EventActor("audit", "auditor", stored!.State.ReceivingUnit), slip.Id, slip.Form, null);
            var trail = stored.Events.Add(issued);
            return Results.Content(DocumentRenderer.Render(version.At(now), trail, issued, configuration["OneStop:LookupUrl"] ?? "/tra-cuu"),
                "text/html; charset=utf-8");
        });

        audit.MapGet("/verify/{caseId}", async (string caseId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new VerifyTrails(caseId), ct) is { Report: { } report }
                ? Results.Text(report.IsClean
                    ? $"{report.Events} event(s) verified: the trail is intact."
                    : string.Join("\n", report.Broken.Select(b => $"BROKEN case {b.DossierCode} at event {b.Sequence}: {b.Reason}.")))
                : Results.Problem("Trail verification is for auditors and admins.", statusCode: StatusCodes.Status403Forbidden));

        audit.MapGet("/tracking-book", async (string unit, string from, string to, IMediator mediator, OneStopDbContext db, CasePipeline pipeline,
            ProcedureCatalog catalog, CancellationToken ct) =>
        {
            if (Filter(unit, from, to, null) is not { } filter)
            {
                return Results.Problem("Give from and to as yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);
            }

            var list = await mediator.Send(new ListAuditCases(filter with { IncludeChildren = false }, "received") { Take = 1000 }, ct);
            if (list.Rejection is { } refused)
            {
                return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
            }

            var cases = new List<(CaseState, Engine.Definitions.ProcedureDefinition)>();
            foreach (var c in list.Cases)
            {
                var stored = await new CaseStore(db).FindAsync(c.Id, ct);
                cases.Add((stored!.State, (await pipeline.VersionOfAsync(stored, ct)).Procedure));
            }

            var context = await catalog.ContextAsync(ct);
            var files = DocumentTemplates.Resolve(new Engine.Definitions.ProcedureSource("tracking-book", "{}", []), context);
            var model = TrackingBook.Build(context.Units, context.Calendars.Values.First(), unit, filter.From, filter.To, cases);
            return Results.Content(TrackingBook.Render(files, model), "text/html; charset=utf-8");
        });
    }

    public static AuditFilter? Filter(string unit, string from, string to, string? procedure) =>
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
        && DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new AuditFilter(unit, f, t) { Procedure = string.IsNullOrWhiteSpace(procedure) ? null : procedure }
            : null;
}
