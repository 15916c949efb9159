using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Audit;

/// <summary>
/// Deadline compliance read from the day figures each save keeps, against a population counted by hand
/// (<see cref="CountedPopulation"/>), and recounting those figures from the cases.
/// </summary>
public abstract class ComplianceFiguresContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly Actor Admin = new("admin.hp", [new Membership("HP", "admin")]);

    private static AuditFilter Filter => CountedPopulation.Filter;

    [Fact]
    public async Task Compliance_figures_match_a_population_counted_by_hand()
    {
        await using var app = await StartAsync(CountedPopulation.Start);
        await CountedPopulation.SeedAsync(app);

        var figures = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(Filter)))).Figures!;

        Assert.Equal((7, 6, 1, 0, 1, 1),
            (figures.Received, figures.Handled, figures.FinishedEarly, figures.FinishedOnTime, figures.FinishedLate,
                figures.Withdrawn));
        Assert.Equal((3, 1, 66.7m), (figures.OpenOnTime, figures.OpenOverdue, figures.OnTimeRate));
        Assert.Equal(3, figures.Escalations);
        Assert.Equal((1, 4m), (figures.Ratings, figures.AverageRating));
    }

    [Fact]
    public async Task Figures_by_unit_and_by_month_match_the_population_and_a_ward_counts_its_own()
    {
        await using var app = await StartAsync(CountedPopulation.Start);
        await CountedPopulation.SeedAsync(app);

        var figures = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(Filter)))).Figures!;
        var hongAn = (await app.AsAsync(People.Auditor,
            m => m.Send(new GetCompliance(Filter with { Unit = "HP.HONGAN" })))).Figures!;

        Assert.Equal([("HP.HONGAN", 1), ("HP.LECHAN", 6)], figures.ByUnit.Select(g => (g.Key, g.Received)));
        Assert.Equal([("2026-03", 5, 1, 1), ("2026-04", 2, 0, 0)],
            figures.ByMonth.Select(g => (g.Key, g.Received, g.Late, g.Overdue)));
        Assert.Equal(1, hongAn.Received);
    }

    [Fact]
    public async Task Step_figures_count_the_tasks_done_within_budget_and_their_average_working_days()
    {
        await using var app = await StartAsync(CountedPopulation.Start);
        await CountedPopulation.SeedAsync(app);

        var figures = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(Filter)))).Figures!;

        var review = figures.Steps.Single(s => s.Step == "land-review");
        Assert.Equal((3, 3), (review.Done, review.WithinBudget));

        // A and B: 6 working hours on 2/3, 8 on 3/3, 3 on 4/3 = 17; G: 6 on 25/3 and 2 on 26/3 = 8.
        // (17 + 17 + 8) / 3 / 8.
        Assert.Equal(1.75m, review.AverageWorkingDays);
    }

    [Fact]
    public async Task The_overdue_cases_and_the_daily_figures_match_the_population()
    {
        await using var app = await StartAsync(CountedPopulation.Start);
        var ids = await CountedPopulation.SeedAsync(app);

        var overdue = await app.AsAsync(People.Auditor, m => m.Send(new ListAuditCases(Filter, "overdue")));
        var daily = await app.AsAsync(People.Auditor,
            m => m.Send(new GetDailyFigures(Filter with { Unit = "HP.LECHAN" })));

        Assert.Equal(ids["D"], Assert.Single(overdue.Cases).Id);
        Assert.Equal(
            [
                ("2026-03-02", 4, 0), ("2026-03-10", 0, 1), ("2026-03-13", 0, 1), ("2026-03-25", 1, 0),
                ("2026-04-01", 1, 0),
            ],
            daily.Days.Select(d => (d.Day, d.Received, d.Returned)));
    }

    [Fact]
    public async Task A_clerk_is_refused_the_compliance_figures()
    {
        await using var app = await StartAsync(CountedPopulation.Start);

        var refused = await app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCompliance(Filter)));

        Assert.Equal("forbidden", refused.Rejection?.Code);
    }

    [Fact]
    public async Task The_day_figures_kept_with_every_save_are_exactly_what_recounting_the_cases_gives()
    {
        await using var app = await StartAsync(CountedPopulation.Start);
        await CountedPopulation.SeedAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var kept = await FiguresAsync(db);
        await DayFigures.RebuildAsync(db, TestContext.Current.CancellationToken);

        Assert.Equal(await FiguresAsync(db), kept);
        Assert.Contains("\"Received\":4", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_the_figures_compares_them_with_the_recount_and_changes_nothing()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        await app.ReceiveLandTransferAsync();
        await app.ReceiveLandTransferAsync();

        var auditor = await app.AsAsync(People.Auditor, m => m.Send(new CheckFigures()));
        var equal = await app.AsAsync(Admin, m => m.Send(new CheckFigures()));
        await using (var db = app.Db())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE case_figures SET received = received + 1",
                TestContext.Current.CancellationToken);
        }

        var differing = await app.AsAsync(Admin, m => m.Send(new CheckFigures()));
        await using var after = app.Db();
        var kept = await after.CaseFigures.SumAsync(f => f.Received, TestContext.Current.CancellationToken);

        Assert.Equal("forbidden", auditor.Rejection?.Code);
        Assert.True(equal.IsEqual);
        Assert.Single(differing.Differences);
        Assert.Equal(3, kept);
    }

    [Fact]
    public async Task Recounting_the_figures_is_for_admins_and_counts_every_case_into_its_unit_day()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        await app.ReceiveLandTransferAsync();
        await app.ReceiveLandTransferAsync();

        var auditor = await app.AsAsync(People.Auditor, m => m.Send(new RebuildFigures()));
        var anonymous = await app.AsAsync(null, m => m.Send(new RebuildFigures()));
        var rebuilt = await app.AsAsync(Admin, m => m.Send(new RebuildFigures()));
        var figures = (await app.AsAsync(People.Auditor, m => m.Send(new GetCompliance(Filter)))).Figures!;

        Assert.Equal("forbidden", auditor.Rejection?.Code);
        Assert.Equal("unauthenticated", anonymous.Rejection?.Code);
        Assert.Equal(new RebuildFiguresResult(2, 1, null), rebuilt);
        Assert.Equal(2, figures.Received);
    }

    [Fact]
    public async Task A_database_behind_the_schema_is_not_recounted()
    {
        var rebuilt = await AsOnEmptyDatabaseAsync(Admin, m => m.Send(new RebuildFigures()));

        Assert.Equal(RebuildFigures.NotMigrated, rebuilt.Rejection?.Code);
    }

    /// <summary>Every case and step figure row, in a stable order, as JSON.</summary>
    private static async Task<string> FiguresAsync(OneStopDbContext db) => JsonSerializer.Serialize(new
    {
        Cases = await db.CaseFigures.AsNoTracking().OrderBy(f => f.Unit).ThenBy(f => f.Day)
            .ToListAsync(TestContext.Current.CancellationToken),
        Steps = (await db.StepFigures.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(f => new { f.Unit, f.Day, f.Step, f.Done, f.WithinDue, Hours = Math.Round(f.Hours, 6), f.Timed })
            .OrderBy(f => f.Unit, StringComparer.Ordinal).ThenBy(f => f.Day, StringComparer.Ordinal)
            .ThenBy(f => f.Step, StringComparer.Ordinal),
    });
}

public sealed class SqliteComplianceFiguresTests() : ComplianceFiguresContract(StorageProvider.Sqlite);

public sealed class PostgresComplianceFiguresTests() : ComplianceFiguresContract(StorageProvider.Postgres);
