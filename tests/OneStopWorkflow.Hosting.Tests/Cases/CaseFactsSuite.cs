using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Simulation;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;
using OneStopWorkflow.Testing;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>
/// Each case fact has one definition, the engine's: the snapshot row, the task rows, the day figures kept with each
/// save and the SQL that recounts them all agree with what the engine computes from the trail, on every sample.
/// </summary>
public abstract class CaseFactsSuite(StorageProvider provider)
{
    public static TheoryData<string> Samples() => CaseRoundTripContract.Samples();

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_store_the_figures_and_their_recount_agree_with_the_engine_on_every_sample(string sample)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await TestApp.StartAsync(await TestApp.DatabaseAsync(provider),
            DateTimeOffset.Parse("2025-01-01T00:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        var path = Repository.PathOf("procedures", sample);
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var procedure = ProcedureLoader.Load(Testing.Catalog.ReadVersion(versionFolder, "procedure.json"),
            Testing.Catalog.Context(new DateOnly(2026, 6, 1))).Procedure!;
        await StoredScenario.RunAsync(app.Services, at => app.Clock.SetUtcNow(at), procedure,
            Testing.Catalog.ReadScenario(path), ct);

        await using var db = app.Db();
        var catalog = app.Services.GetRequiredService<ProcedureCatalog>();
        foreach (var row in await db.Cases.AsNoTracking().ToListAsync(ct))
        {
            var events = (await db.Events.AsNoTracking().Where(e => e.CaseId == row.Id).OrderBy(e => e.Sequence)
                    .ToListAsync(ct))
                .Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToList();
            var state = CaseState.Replay(events);
            var calendar = (await catalog.VersionOfAsync(db, row, ct)).Calendar;
            var timeliness = Deadlines.TimelinessOf(state, calendar);
            Assert.Equal(state.Status, row.Status);
            Assert.Equal(timeliness is { } t ? CaseRow.TimelinessText(t) : null, row.Timeliness);
            var tasks = await db.Tasks.AsNoTracking().Where(x => x.CaseId == row.Id)
                .ToDictionaryAsync(x => x.TaskId, ct);
            Assert.Equal(state.Tasks.Count, tasks.Count);
            foreach (var task in state.Tasks)
            {
                Assert.Equal((task.Status, Deadlines.WorkingHoursOf(task, calendar)),
                    (tasks[task.Id].Status, tasks[task.Id].WorkingHours));
            }
        }

        var kept = await FiguresAsync(db, ct);
        var compliance = await ComplianceAsync(app);
        foreach (var statement in DayFigures.RebuildSql)
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }

        Assert.Equal(kept, await FiguresAsync(db, ct));
        Assert.Equal(compliance, await ComplianceAsync(app));
    }

    private static async Task<string> FiguresAsync(OneStopDbContext db, CancellationToken ct) =>
        JsonSerializer.Serialize(new
        {
            Cases = (await db.CaseFigures.AsNoTracking().ToListAsync(ct))
                .OrderBy(f => (f.Unit, f.ProcedureCode, f.Day)).Select(f => new
                {
                    f.Unit, f.ProcedureCode, f.Day, f.Received, f.Handled, f.Early, f.OnTime, f.Late, f.Withdrawn,
                    f.Online, f.Escalations,
                }),
            Steps = (await db.StepFigures.AsNoTracking().ToListAsync(ct))
                .OrderBy(f => (f.Unit, f.ProcedureCode, f.Day, f.Step)).Select(f => new
                {
                    f.Unit, f.ProcedureCode, f.Day, f.Step, f.Done, f.WithinDue, Hours = Math.Round(f.Hours, 6),
                    f.Timed,
                }),
        });

    private static async Task<string> ComplianceAsync(TestApp app)
    {
        var filter = new AuditFilter("HP", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31));
        var result = await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(filter)));
        var f = result.Figures!;
        return JsonSerializer.Serialize(new
        {
            f.Received, f.Handled, f.FinishedEarly, f.FinishedOnTime, f.FinishedLate, f.Withdrawn, f.OpenOnTime,
            f.OpenOverdue, f.Online, f.Escalations, f.OnTimeRate,
        });
    }
}

public sealed class SqliteCaseFactsTests() : CaseFactsSuite(StorageProvider.Sqlite);

public sealed class PostgresCaseFactsTests() : CaseFactsSuite(StorageProvider.Postgres);
