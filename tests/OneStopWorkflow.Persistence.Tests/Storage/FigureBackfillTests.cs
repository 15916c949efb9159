using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Escalations;
using OneStopWorkflow.Persistence.Storage;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Persistence.Tests.Storage;

/// <summary>
/// A store that holds cases from before the day figures existed gets them filled by the upgrade, counted as the
/// compliance report counts: on SQLite and on a real PostgreSQL server.
/// </summary>
public sealed class FigureBackfillTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_store_with_cases_fills_the_day_figures_from_them(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres && TestDatabase.PostgresMissing() is { } missing)
        {
            Assert.False(TestDatabase.PostgresRequired, $"PostgreSQL is required here: {missing}");
            Assert.Skip(missing);
        }

        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first, cancel);
            await OldSchemaRows.InsertAsync(db, [
                Case("a", "late", null, "online", CaseStatus.Finished),
                Case("b", null, "Withdrawn", "counter", CaseStatus.Finished),
                Case("c", null, null, "counter", CaseStatus.Open),
            ], cancel);
            db.Tasks.AddRange(
                Finished("a", "t1", Monday.AddHours(6), 5),
                Finished("c", "t1", Monday.AddHours(30), 9),
                new TaskRow
                {
                    CaseId = "c", TaskId = "t2", Step = "review", Unit = "HP.LECHAN", Status = TaskStatus.Open,
                    ActivatedAt = Monday, Due = Monday.AddDays(1),
                });
            db.EscalationClaims.Add(new EscalationClaimRow
            {
                CaseId = "a", Key = "late", ClaimedBy = "test", FiredAt = Monday.AddDays(2), EventSequence = 5,
            });
            db.Ratings.Add(new Reception.RatingRow { CaseId = "a", Score = 3, RatedAt = Monday.AddDays(12) });
            await db.SaveChangesAsync(cancel);
        }

        await using (var db = database.CreateContext())
        {
            await OneStopDatabase.MigrateAsync(db, cancel);

            var day = Assert.Single(await db.CaseFigures.ToListAsync(cancel));
            Assert.Equal(("HP.LECHAN", "land-use-transfer", "2026-03-02"), (day.Unit, day.ProcedureCode, day.Day));
            Assert.Equal(
                (3, 2, 1, 1, 1, 1), (day.Received, day.Handled, day.Late, day.Withdrawn, day.Online, day.Escalations));
            Assert.Equal((1, 3), (day.Rated, day.RatingSum));
            var step = Assert.Single(await db.StepFigures.ToListAsync(cancel));
            Assert.Equal(("review", 2, 1, 14.0, 2), (step.Step, step.Done, step.WithinDue, step.Hours, step.Timed));
        }
    }

    private static CaseRow Case(
        string id, string? timeliness, string? outcome, string channel, CaseStatus status) => new()
    {
        Id = id, DossierCode = $"HP.LECHAN-260302-000{id}", SecretHash = "00000000",
        ProcedureCode = "land-use-transfer", ProcedureVersion = 1,
        ProcedureHash = "hash", ReceivingUnit = "HP.LECHAN", Channel = channel, Status = status, ReceivedAt = Monday,
        Appointment = outcome is null ? Monday.AddDays(10) : null, Timeliness = timeliness,
        Outcome = outcome ?? (status == CaseStatus.Finished ? "Resolved" : null),
        ReceivedDay = "2026-03-02", Version = 3, LastHash = "hash",
    };

    /// <summary>A finished review task due a day after its start: within its deadline when done before then.</summary>
    private static TaskRow Finished(string caseId, string id, DateTimeOffset done, double hours) => new()
    {
        CaseId = caseId, TaskId = id, Step = "review", Unit = "HP.VPDKDD.CN1", Status = TaskStatus.Completed,
        ActivatedAt = Monday, Due = Monday.AddDays(1), CompletedAt = done, WorkingHours = hours,
    };
}
