using OneStopWorkflow.Engine.Refusals;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Hosting.Simulation;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Tests.Store;

/// <summary>
/// The store's contract, run once per provider against a real database: every command round trip, inbox order,
/// optimistic concurrency, the trail's hash chain and dossier codes under parallel receipt.
/// </summary>
public abstract class StoreSuite(StorageProvider provider)
{
    private static readonly Actor OfficerCity = new("officer.city", [new Membership("HP.VPDKDD", "land-officer")]);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private Task<TestApp> StartAsync(string now) => StartAsync(At(now));

    private async Task<TestApp> StartAsync(DateTimeOffset now) => await TestApp.StartAsync(await TestApp.DatabaseAsync(provider), now);

    [Fact]
    public async Task A_case_goes_through_every_command_and_reads_back_the_same_from_its_trail()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();
        Assert.Equal("HP.LECHAN-260302-0001", received.DossierCode);

        async Task<CaseView> Do(string at, Actor actor, ICaseRequest request)
        {
            app.Clock.SetUtcNow(At(at));
            var result = await app.SendAsync(actor, request);
            Assert.False(result.IsRejected, $"{request}: {string.Join("; ", result.Rejections)}");
            return result.Case!;
        }

        var id = received.Id;
        await Do("2026-03-02T10:00:00+07:00", People.LeaderCn1, new ReassignCase(id, "HP.VPDKDD.CN2", "CN1 is short of staff"));
        await Do("2026-03-02T11:00:00+07:00", People.OfficerCn2, new HandUpCase(id, "parent", "Parcel spans two wards"));
        await Do("2026-03-03T09:00:00+07:00", OfficerCity, new ActOnCase(id, "request-supplement")
        {
            Input = new Dictionary<string, string> { ["reason"] = "Thiếu văn bản đồng ý của bên nhận thế chấp" }.ToImmutableDictionary(),
        });
        await Do("2026-03-05T09:00:00+07:00", People.ClerkLeChan, new ResubmitCase(id));
        // After a supplement the review starts again at the unit the step names, the branch office.
        var beforeApology = await Do("2026-03-05T10:00:00+07:00", People.OfficerCn1, new ActOnCase(id, "send-to-tax"));
        await Do("2026-03-05T11:00:00+07:00", People.LeaderCn1,
            new RescheduleCase(id, beforeApology.Appointment!.Value.AddDays(3), "Chờ kết quả đo đạc lại"));
        var withdrawn = await Do("2026-03-06T09:00:00+07:00", People.ClerkLeChan, new WithdrawCase(id, "Hai bên hủy hợp đồng"));
        Assert.Equal("finished", withdrawn.Status);
        Assert.Equal("withdrawn", withdrawn.Outcome);

        var details = (await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCase(received.DossierCode)))).Details!;
        Assert.Equal(withdrawn.Version, details.Trail.Length);
        Assert.Equal(JsonSerializer.Serialize(withdrawn), JsonSerializer.Serialize(details.Case));
        var replayed = CaseState.Replay(details.Trail.Select(e => EventSerializer.Deserialize(e.Type, e.Payload)));
        Assert.Equal(withdrawn.Version, replayed.Version);
        Assert.Contains(details.Trail, e => e.Type == "task-reassigned" && e.User == "leader.cn1");
        Assert.Contains(details.Trail, e => e.Type == "escalation-fired" && e.User == "officer.cn2" && e.Unit == "HP.VPDKDD.CN2");
        Assert.Contains(details.Trail, e => e.Type == "task-completed" && e.User == "officer.city" && e.Unit == "HP.VPDKDD");
        Assert.Contains(details.Trail, e => e.Type == "case-rescheduled" && e.Role == "leader" && e.Unit == "HP.VPDKDD.CN1");

        Assert.Equal(details.Trail.Where(e => e.Type == "document-issued").Select(e => e.Sequence), details.Documents.Select(d => d.EventSequence));
        Assert.Equal(["receipt", "control-slip", "supplement-request", "tax-transfer-slip", "apology", "stop-notice"],
            details.Documents.Select(d => d.Document));

        await using var db = app.Db();
        var stored = await db.Documents.OrderBy(d => d.EventSequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(stored, d => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(d.Content))), d.Sha256));
        Assert.Contains("Thiếu văn bản đồng ý của bên nhận thế chấp", stored.Single(d => d.Document == "supplement-request").Content,
            StringComparison.Ordinal);
        Assert.Contains("Hai bên hủy hợp đồng", stored.Single(d => d.Document == "stop-notice").Content, StringComparison.Ordinal);
        var row = await db.Cases.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((CaseStatus.Finished, "Withdrawn", withdrawn.Version), (row.Status, row.Outcome, row.Version));
        Assert.Null(row.NextDueAt);
        Assert.DoesNotContain(await db.Tasks.ToListAsync(TestContext.Current.CancellationToken), t => t.Status == Engine.Runtime.TaskStatus.Open);
    }

    public static TheoryData<string> Samples() => [.. Directory
        .EnumerateFiles(Repository.PathOf("procedures"), "*.json", SearchOption.AllDirectories)
        .Where(f => f.Contains($"{Path.DirectorySeparatorChar}samples{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.EndsWith(".expected.json", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Repository.PathOf("procedures"), f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_scenario_run_through_the_store_reports_exactly_its_golden_file(string sample)
    {
        await using var app = await StartAsync("2025-01-01T00:00:00+07:00");
        var path = Repository.PathOf("procedures", sample);
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var procedure = ProcedureLoader.Load(Testing.Catalog.ReadVersion(versionFolder, "procedure.json"), Testing.Catalog.Context(new DateOnly(2026, 6, 1))).Procedure!;

        var report = await StoredScenario.RunAsync(app.Services, at => app.Clock.SetUtcNow(at), procedure,
            ScenarioRunner.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken);

        Assert.Equal(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".expected.json"), TestContext.Current.CancellationToken), report);
    }

    [Fact]
    public async Task The_inbox_lists_a_units_open_tasks_soonest_due_first_with_their_status()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var first = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T14:00:00+07:00"));
        var second = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-02T16:00:00+07:00").AddDays(1));
        var third = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-06T08:30:00+07:00"));

        var inbox = await app.AsAsync(People.OfficerCn1, m => m.Send(new GetInbox("HP.VPDKDD.CN1")));

        Assert.Null(inbox.Rejection);
        Assert.Equal([first.DossierCode, second.DossierCode, third.DossierCode], inbox.Items.Select(i => i.DossierCode));
        Assert.True(inbox.Items.Zip(inbox.Items.Skip(1)).All(p => p.First.Due <= p.Second.Due));
        Assert.Equal("due-soon", inbox.Items[0].DeadlineStatus);
        Assert.All(inbox.Items, i => Assert.Equal("land-review", i.Step));

        var page = await app.AsAsync(People.OfficerCn1, m => m.Send(new GetInbox("HP.VPDKDD.CN1") { Skip = 1, Limit = 1 }));
        Assert.Equal((3, second.DossierCode), (page.Total, Assert.Single(page.Items).DossierCode));
        var past = await app.AsAsync(People.OfficerCn1, m => m.Send(new GetInbox("HP.VPDKDD.CN1") { Skip = 3, Limit = 5 }));
        Assert.Equal((3, 0), (past.Total, past.Items.Length));
    }

    [Fact]
    public async Task A_year_of_cases_pages_in_one_order_and_exports_whole_to_csv_and_xlsx()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var codes = new List<string>();
        foreach (var at in new[] { "2026-03-02T09:00:00+07:00", "2026-03-02T09:00:00+07:00", "2026-03-03T10:00:00+07:00", "2026-03-04T08:00:00+07:00", "2026-03-04T08:00:00+07:00" })
        {
            app.Clock.SetUtcNow(At(at));
            codes.Add((await app.ReceiveLandTransferAsync()).DossierCode);
        }

        var filter = new AuditFilter("HP", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var all = await app.AsAsync(People.Auditor, m => m.Send(new ListAuditCases(filter, "received")));
        var paged = new List<AuditCase>();
        for (var skip = 0; skip < 6; skip += 2)
        {
            paged.AddRange((await app.AsAsync(People.Auditor, m => m.Send(new ListAuditCases(filter, "received") { Skip = skip, Take = 2, CountTotal = false }))).Cases);
        }

        Assert.Equal(5, all.Total);
        Assert.Equal(all.Cases.Select(c => c.Id), paged.Select(c => c.Id));
        Assert.Equal(codes.Order(StringComparer.Ordinal), paged.Select(c => c.DossierCode).Order(StringComparer.Ordinal));

        // A table reads its rows as it writes them, through the scope it was opened in.
        async Task<(int Rows, string? Problem)> ExportAsync(Actor actor, AuditFormat format, Stream output, int rowsPerSheet = AuditTables.RowsPerSheet) =>
            await app.AsAsync(actor, async m =>
            {
                var (table, problem) = await AuditTables.OpenAsync(m, "cases", filter, null, TestContext.Current.CancellationToken);
                return table is null ? (0, problem) : (await table.WriteAsync(output, format, TestContext.Current.CancellationToken, rowsPerSheet), null);
            });

        using var xlsx = new MemoryStream();
        Assert.Equal((5, null), await ExportAsync(People.Auditor, AuditFormat.Xlsx, xlsx));
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray()).ToArray();
            Assert.Equal(["dossier_code", "procedure", "unit", "received", "appointment", "finished", "status", "outcome", "timeliness"], rows[0]);
            Assert.Equal(paged.Select(c => c.DossierCode), rows.Skip(1).Select(r => r[0]));
            Assert.Equal("cases", document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name?.Value);
        }

        // A table longer than a sheet continues on the next, each sheet with its header.
        using var split = new MemoryStream();
        Assert.Equal((5, null), await ExportAsync(People.Auditor, AuditFormat.Xlsx, split, rowsPerSheet: 2));
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(split.ToArray()), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
                .Select(s => (s.Name!.Value, ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet
                    .Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText).ToArray()))
                .ToArray();
            Assert.Equal(["cases", "cases-2", "cases-3"], sheets.Select(s => s.Item1));
            Assert.All(sheets, s => Assert.Equal("dossier_code", s.Item2[0]));
            Assert.Equal(paged.Select(c => c.DossierCode), sheets.SelectMany(s => s.Item2.Skip(1)));
        }

        using var csv = new MemoryStream();
        await ExportAsync(People.Auditor, AuditFormat.Csv, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var refused = await ExportAsync(People.ClerkLeChan, AuditFormat.Csv, Stream.Null);
        Assert.Equal(0, refused.Rows);
        Assert.Contains("auditors", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_commands_on_the_same_case_at_once_commit_exactly_one_and_the_other_is_told_to_reload()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));

        // Both read the case at the same version, then both try to commit.
        var outcomes = await Task.WhenAll(
            Attempt(new ActOnCase(received.Id, "send-to-tax") { ExpectedVersion = received.Version }),
            Attempt(new ActOnCase(received.Id, "send-to-tax") { ExpectedVersion = received.Version }),
            Attempt(new WithdrawCase(received.Id, "Hủy hợp đồng") { ExpectedVersion = received.Version }, People.ClerkLeChan));

        Assert.Equal(1, outcomes.Count(o => o is CaseResult { IsRejected: false }));
        Assert.All(outcomes.Where(o => o is not CaseResult { IsRejected: false }), o => Assert.Contains("reload", o switch
        {
            ConcurrencyConflictException ex => ex.Message,
            CaseResult r => string.Join("; ", r.Rejections),
            _ => o.ToString()!,
        }, StringComparison.OrdinalIgnoreCase));
        await using var db = app.Db();
        var events = await db.Events.Where(e => e.CaseId == received.Id).CountAsync(TestContext.Current.CancellationToken);
        var row = await db.Cases.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(row.Version, events);
        Assert.True((await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken)).IsClean);

        async Task<object> Attempt(ICaseRequest request, Actor? actor = null)
        {
            try
            {
                return await app.SendAsync(actor ?? People.OfficerCn1, request);
            }
            catch (ConcurrencyConflictException ex)
            {
                return ex;
            }
        }
    }

    [Fact]
    public async Task Each_event_chains_to_the_one_before_and_a_changed_payload_breaks_the_chain_there()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var received = await app.ReceiveLandTransferAsync();
        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));
        await app.SendAsync(People.OfficerCn1, new ActOnCase(received.Id, "send-to-tax"));
        await using var db = app.Db();
        var events = await db.Events.OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TrailHash.Genesis, events[0].PreviousHash);
        Assert.All(events.Zip(events.Skip(1)), p => Assert.Equal(p.First.Hash, p.Second.PreviousHash));
        Assert.All(events, e => Assert.Equal(TrailHash.Compute(e), e.Hash));
        Assert.True((await TrailVerifier.VerifyAsync(db, received.Id, TestContext.Current.CancellationToken)).IsClean);

        var sendToTax = events.Single(e => e.Type == "task-completed" && e.Payload.Contains("send-to-tax", StringComparison.Ordinal));
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE events SET payload = REPLACE(payload, 'send-to-tax', 'skip-tax') WHERE sequence = {0}",
            [sendToTax.Sequence], TestContext.Current.CancellationToken);

        var report = await TrailVerifier.VerifyAsync(db, null, TestContext.Current.CancellationToken);
        var broken = Assert.Single(report.Broken);
        Assert.Equal((received.Id, sendToTax.Sequence), (broken.CaseId, broken.Sequence));
    }

    [Fact]
    public async Task Compliance_figures_match_a_population_counted_by_hand()
    {
        await using var app = await StartAsync("2026-03-02T08:00:00+07:00");
        var ids = new Dictionary<string, string>();
        async Task Receive(string name, string at, Actor clerk, string unit)
        {
            app.Clock.SetUtcNow(At(at));
            var result = await app.SendAsync(clerk, new ReceiveCase("land-use-transfer", unit) { Fields = LandTransferFields.Complete });
            Assert.False(result.IsRejected, string.Join("; ", result.Rejections));
            ids[name] = result.Case!.Id;
        }

        async Task Act(string name, string at, Actor actor, string action)
        {
            app.Clock.SetUtcNow(At(at));
            var result = await app.SendAsync(actor, new ActOnCase(ids[name], action));
            Assert.False(result.IsRejected, $"{name} {action}: {string.Join("; ", result.Rejections)}");
        }

        // A is returned early, B late, C withdrawn, D left overdue (and escalated), E and F open within time,
        // G paused while the tax is paid; F was received at another ward.
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            await Receive(name, "2026-03-02T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        }

        app.Clock.SetUtcNow(At("2026-03-03T09:00:00+07:00"));
        Assert.False((await app.SendAsync(People.ClerkLeChan, new WithdrawCase(ids["C"], "Hai bên hủy hợp đồng"))).IsRejected);
        foreach (var (at, actor, action) in new[]
                 {
                     ("2026-03-04T10:00:00+07:00", People.OfficerCn1, "send-to-tax"), ("2026-03-05T10:00:00+07:00", People.OfficerCn1, "tax-paid"),
                     ("2026-03-06T15:00:00+07:00", People.OfficerCn1, "submit"), ("2026-03-09T09:00:00+07:00", People.LeaderCn1, "approve"),
                 })
        {
            await Act("A", at, actor, action);
            await Act("B", at, actor, action);
        }

        await Act("A", "2026-03-10T08:00:00+07:00", People.ClerkLeChan, "deliver");
        await Act("B", "2026-03-13T10:00:00+07:00", People.ClerkLeChan, "deliver");
        await Receive("G", "2026-03-25T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        await Act("G", "2026-03-26T09:00:00+07:00", People.OfficerCn1, "send-to-tax");
        await Receive("E", "2026-04-01T09:00:00+07:00", People.ClerkLeChan, "HP.LECHAN");
        await Receive("F", "2026-04-01T09:30:00+07:00", People.ClerkHongAn, "HP.HONGAN");
        app.Clock.SetUtcNow(At("2026-04-02T10:00:00+07:00"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tick = await scope.ServiceProvider.GetRequiredService<CasePipeline>()
                .TickAsync(ids["D"], "test", TestContext.Current.CancellationToken);
            Assert.Equal(3, tick.Events / 2);
        }

        // The citizen of A rates it 4 with the code and secret on the receipt.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var a = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Cases.SingleAsync(c => c.Id == ids["A"], TestContext.Current.CancellationToken);
            var rated = await app.AsAsync(null, m => m.Send(new Lookup.RateCase(a.DossierCode, a.Secret, 4, "Nhanh")));
            Assert.Null(rated.Rejection);
        }

        var filter = new AuditFilter("HP", new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));
        var figures = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(filter)))).Figures!;
        var hongAn = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(filter with { Unit = "HP.HONGAN" })))).Figures!;
        var overdue = await app.AsAsync(People.Auditor, m => m.Send(new ListAuditCases(filter, "overdue")));
        var daily = await app.AsAsync(People.Auditor, m => m.Send(new GetDailyFigures(filter with { Unit = "HP.LECHAN" })));
        var refused = await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCompliance(filter)));

        Assert.Equal((7, 6, 1, 0, 1, 1), (figures.Received, figures.Handled, figures.FinishedEarly, figures.FinishedOnTime, figures.FinishedLate, figures.Withdrawn));
        Assert.Equal((3, 1, 66.7m), (figures.OpenOnTime, figures.OpenOverdue, figures.OnTimeRate));
        Assert.Equal(3, figures.Escalations);
        Assert.Equal((1, 4m), (figures.Ratings, figures.AverageRating));
        Assert.Equal([("HP.HONGAN", 1), ("HP.LECHAN", 6)], figures.ByUnit.Select(g => (g.Key, g.Received)));
        Assert.Equal([("2026-03", 5, 1, 1), ("2026-04", 2, 0, 0)], figures.ByMonth.Select(g => (g.Key, g.Received, g.Late, g.Overdue)));
        var review = figures.Steps.Single(s => s.Step == "land-review");
        Assert.Equal((3, 3), (review.Done, review.WithinBudget));

        // A and B: 6 working hours on 2/3, 8 on 3/3, 3 on 4/3 = 17; G: 6 on 25/3 and 2 on 26/3 = 8. (17 + 17 + 8) / 3 / 8.
        Assert.Equal(1.75m, review.AverageWorkingDays);
        Assert.Equal(1, hongAn.Received);
        Assert.Equal(ids["D"], Assert.Single(overdue.Cases).Id);
        Assert.Equal([("2026-03-02", 4, 0), ("2026-03-10", 0, 1), ("2026-03-13", 0, 1), ("2026-03-25", 1, 0), ("2026-04-01", 1, 0)],
            daily.Days.Select(d => (d.Day, d.Received, d.Returned)));
        Assert.Equal("forbidden", refused.Rejection?.Code);

        // The day figures kept with every save are exactly what recounting the cases gives.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            async Task<string> Snapshot() => JsonSerializer.Serialize(new
            {
                Cases = await db.CaseFigures.AsNoTracking().OrderBy(f => f.Unit).ThenBy(f => f.Day).ToListAsync(TestContext.Current.CancellationToken),
                Steps = (await db.StepFigures.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
                    .Select(f => new { f.Unit, f.Day, f.Step, f.Done, f.WithinDue, Hours = Math.Round(f.Hours, 6), f.Timed })
                    .OrderBy(f => f.Unit, StringComparer.Ordinal).ThenBy(f => f.Day, StringComparer.Ordinal).ThenBy(f => f.Step, StringComparer.Ordinal),
            });
            var kept = await Snapshot();
            await Persistence.Figures.DayFigures.RebuildAsync(db, TestContext.Current.CancellationToken);
            Assert.Equal(await Snapshot(), kept);
            Assert.Contains("\"Received\":4", kept, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Eight_clerks_receiving_at_once_get_eight_distinct_consecutive_dossier_codes()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => (await app.ReceiveLandTransferAsync()).DossierCode)));

        Assert.Equal(8, codes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"HP.LECHAN-260302-{n:0000}"), codes.Order(StringComparer.Ordinal));
        await using var db = app.Db();
        Assert.Equal(8, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteStoreTests() : StoreSuite(StorageProvider.Sqlite);

public sealed class PostgresStoreTests() : StoreSuite(StorageProvider.Postgres);
