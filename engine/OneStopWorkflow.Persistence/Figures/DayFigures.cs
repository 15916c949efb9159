using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// Keeps <see cref="CaseFigureRow"/> and <see cref="StepFigureRow"/> in step with the cases: every save adds the
/// difference it makes, in the save's own transaction, with one atomic UPSERT per row (MERGE on SQL Server), so
/// clerks saving at once never lose each other's counts. <see cref="RebuildAsync"/> recomputes them from the cases.
/// </summary>
public static partial class DayFigures
{
    /// <summary>What one case adds to its day's figures, as its row stands.</summary>
    internal readonly record struct Contribution(
        int Handled, int Early, int OnTime, int Late, int Withdrawn, int Online, Indicators766 Indicators)
    {
        public static Contribution Of(CaseRow row)
        {
            var withdrawn = row.Outcome == WithdrawnText;
            var inTime = (row.Timeliness == EarlyText || row.Timeliness == OnTimeText) && !withdrawn;
            return new(
                row.Appointment is not null && !withdrawn ? 1 : 0,
                row.Timeliness == EarlyText && !withdrawn ? 1 : 0,
                row.Timeliness == OnTimeText && !withdrawn ? 1 : 0,
                row.Timeliness == LateText && !withdrawn ? 1 : 0,
                withdrawn ? 1 : 0,
                row.Channel == OnlineText ? 1 : 0,
                new Indicators766(
                    inTime && row.LateBySupplements ? 1 : 0,
                    row.ProcessingMinutes is null ? 0 : 1,
                    row.ProcessingMinutes ?? 0,
                    row.CountsOnline ? 1 : 0,
                    row.PaperResult ? 1 : 0,
                    row.CountsEResult ? 1 : 0,
                    row.CountsDigitised ? 1 : 0));
        }
    }

    // The stored words of the engine's values, shared by the figures kept with each save and the SQL that
    // recounts them.
    private static readonly string EarlyText = CaseRow.TimelinessText(Timeliness.Early);
    private static readonly string OnTimeText = CaseRow.TimelinessText(Timeliness.OnTime);
    private static readonly string LateText = CaseRow.TimelinessText(Timeliness.Late);
    private const string WithdrawnText = nameof(Outcome.Withdrawn);
    private const string CompletedText = nameof(Engine.Runtime.TaskStatus.Completed);
    private const string OnlineText = CaseIndicators.OnlineChannel;

    /// <summary>One task that finished in this save, for its step's figures.</summary>
    internal readonly record struct FinishedTask(string Step, bool WithinDue, double? Hours);

    /// <summary>
    /// The change one save made to case <paramref name="row"/> (now as saved): <paramref name="before"/> is what
    /// it contributed before (null for a new case), plus the escalations fired and the tasks finished.
    /// </summary>
    internal static FigureDelta Delta(
        CaseRow row, Contribution? before, int escalations, IReadOnlyList<FinishedTask> finished)
    {
        var after = Contribution.Of(row);
        var old = before ?? default;
        if (before is not null && after == old && escalations == 0 && finished.Count == 0)
        {
            return FigureDelta.None;
        }

        var key = new FigureKey(row.ReceivingUnit, row.ProcedureCode, row.ReceivedDay);
        var steps = finished.GroupBy(t => t.Step).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StepDelta(g.Key, g.Count(), g.Count(t => t.WithinDue), g.Sum(t => t.Hours ?? 0),
                g.Count(t => t.Hours is not null)))
            .ToArray();
        return new FigureDelta(key, new CaseCounts(before is null ? 1 : 0, after.Handled - old.Handled,
            after.Early - old.Early, after.OnTime - old.OnTime, after.Late - old.Late, after.Withdrawn - old.Withdrawn,
            after.Online - old.Online, escalations)
        {
            Indicators = after.Indicators - old.Indicators,
        }, steps);
    }

    /// <summary>Adds <paramref name="delta"/> to the figures, in the caller's transaction.</summary>
    internal static async Task ApplyAsync(OneStopDbContext db, FigureDelta delta, CancellationToken cancellationToken)
    {
        if (delta.Key is not { } key)
        {
            return;
        }

        var c = delta.Counts;
        var i = c.Indicators;
        await db.Database.ExecuteSqlRawAsync(CaseUpsert(db.Provider), [
            key.Unit, key.Procedure, key.Day, c.Received, c.Handled, c.Early, c.OnTime, c.Late, c.Withdrawn, c.Online,
            c.Escalations, 0, 0, i.SupplementLate, i.Processed, i.ProcessingMinutes, i.OnlineCounted, i.PaperResult,
            i.EResult, i.Digitised, 0,
        ], cancellationToken);
        foreach (var step in delta.Steps)
        {
            await db.Database.ExecuteSqlRawAsync(StepUpsert(db.Provider), [
                key.Unit, key.Procedure, key.Day, step.Step, step.Done, step.WithinDue, step.Hours, step.Timed,
            ], cancellationToken);
        }
    }

    /// <summary>Adds a citizen's rating of <paramref name="row"/>'s case, in the caller's transaction.</summary>
    public static Task RatedAsync(OneStopDbContext db, CaseRow row, int score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        return db.Database.ExecuteSqlRawAsync(CaseUpsert(db.Provider),
            [
                row.ReceivingUnit, row.ProcedureCode, row.ReceivedDay, 0, 0, 0, 0, 0, 0, 0, 0, 1, score, 0, 0, 0L, 0, 0,
                0, 0, CaseIndicators.IsComplaint(score) ? 1 : 0,
            ],
            cancellationToken);
    }

    /// <summary>
    /// Recomputes every figure from the cases, tasks and escalation claims: after a bulk load, or to repair.
    /// </summary>
    public static async Task RebuildAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var statement in RebuildSql)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The statements that recompute the figures; plain SQL that every provider runs as it is.</summary>
    public static IReadOnlyList<string> RebuildSql { get; } =
    [
        "DELETE FROM step_figures",
        "DELETE FROM case_figures",
        $"""
        INSERT INTO case_figures (unit, procedure_code, day, received, handled, early, on_time, late, withdrawn, online,
            escalations, rated, rating_sum, {IndicatorColumns})
        SELECT c.receiving_unit, c.procedure_code, c.received_day, COUNT(*),
            SUM(CASE WHEN c.appointment IS NOT NULL AND (c.outcome IS NULL OR c.outcome <> '{WithdrawnText}')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = '{EarlyText}' AND (c.outcome IS NULL OR c.outcome <> '{WithdrawnText}')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = '{OnTimeText}' AND (c.outcome IS NULL OR c.outcome <> '{WithdrawnText}')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = '{LateText}' AND (c.outcome IS NULL OR c.outcome <> '{WithdrawnText}')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.outcome = '{WithdrawnText}' THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.channel = '{OnlineText}' THEN 1 ELSE 0 END),
            COALESCE(SUM(e.fired), 0), COUNT(r.case_id), COALESCE(SUM(r.score), 0),
            SUM(CASE WHEN c.late_by_supplements = 1 AND (c.timeliness = '{EarlyText}' OR c.timeliness = '{OnTimeText}')
                AND (c.outcome IS NULL OR c.outcome <> '{WithdrawnText}') THEN 1 ELSE 0 END),
            COUNT(c.processing_minutes), COALESCE(SUM(c.processing_minutes), 0), SUM(c.counts_online),
            SUM(c.paper_result), SUM(c.counts_e_result), SUM(c.counts_digitised),
            SUM(CASE WHEN r.score <= {CaseIndicators.HighestComplaintScore} THEN 1 ELSE 0 END)
        FROM cases c
        LEFT JOIN (SELECT case_id, COUNT(*) AS fired FROM escalation_claims GROUP BY case_id) e ON e.case_id = c.id
        LEFT JOIN ratings r ON r.case_id = c.id
        GROUP BY c.receiving_unit, c.procedure_code, c.received_day
        """,
        $"""
        INSERT INTO step_figures (unit, procedure_code, day, step, done, within_due, hours, timed)
        SELECT c.receiving_unit, c.procedure_code, c.received_day, t.step, COUNT(*),
            SUM(CASE WHEN t.completed_at <= t.due THEN 1 ELSE 0 END), COALESCE(SUM(t.working_hours), 0),
            COUNT(t.working_hours)
        FROM tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.status = '{CompletedText}' AND t.due IS NOT NULL
        GROUP BY c.receiving_unit, c.procedure_code, c.received_day, t.step
        """,
    ];

    private static string CaseUpsert(StorageProvider provider) => provider == StorageProvider.SqlServer
        ? """
          MERGE case_figures WITH (HOLDLOCK) AS f
          USING (SELECT {0} AS unit, {1} AS procedure_code, {2} AS day) AS k
              ON f.unit = k.unit AND f.procedure_code = k.procedure_code AND f.day = k.day
          WHEN MATCHED THEN UPDATE SET received = f.received + {3}, handled = f.handled + {4}, early = f.early + {5},
              on_time = f.on_time + {6}, late = f.late + {7}, withdrawn = f.withdrawn + {8}, online = f.online + {9},
              escalations = f.escalations + {10}, rated = f.rated + {11}, rating_sum = f.rating_sum + {12},
              supplement_late = f.supplement_late + {13}, processed = f.processed + {14},
              processing_minutes = f.processing_minutes + {15}, online_counted = f.online_counted + {16},
              paper_result = f.paper_result + {17}, e_result = f.e_result + {18}, digitised = f.digitised + {19},
              complaints = f.complaints + {20}
          WHEN NOT MATCHED THEN INSERT (unit, procedure_code, day, received, handled, early, on_time, late, withdrawn,
                  online, escalations, rated, rating_sum, supplement_late, processed, processing_minutes,
                  online_counted, paper_result, e_result, digitised, complaints)
              VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16},
                  {17}, {18}, {19}, {20});
          """
        : """
          INSERT INTO case_figures (unit, procedure_code, day, received, handled, early, on_time, late, withdrawn,
              online, escalations, rated, rating_sum, supplement_late, processed, processing_minutes, online_counted,
              paper_result, e_result, digitised, complaints)
          VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17},
              {18}, {19}, {20})
          ON CONFLICT (unit, procedure_code, day) DO UPDATE SET received = case_figures.received + excluded.received,
              handled = case_figures.handled + excluded.handled, early = case_figures.early + excluded.early,
              on_time = case_figures.on_time + excluded.on_time, late = case_figures.late + excluded.late,
              withdrawn = case_figures.withdrawn + excluded.withdrawn, online = case_figures.online + excluded.online,
              escalations = case_figures.escalations + excluded.escalations,
              rated = case_figures.rated + excluded.rated,
              rating_sum = case_figures.rating_sum + excluded.rating_sum,
          """ + IndicatorUpdates;

    private static string StepUpsert(StorageProvider provider) => provider == StorageProvider.SqlServer
        ? """
          MERGE step_figures WITH (HOLDLOCK) AS f
          USING (SELECT {0} AS unit, {1} AS procedure_code, {2} AS day, {3} AS step) AS k
              ON f.unit = k.unit AND f.procedure_code = k.procedure_code AND f.day = k.day AND f.step = k.step
          WHEN MATCHED THEN UPDATE SET done = f.done + {4}, within_due = f.within_due + {5}, hours = f.hours + {6},
              timed = f.timed + {7}
          WHEN NOT MATCHED THEN INSERT (unit, procedure_code, day, step, done, within_due, hours, timed)
              VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7});
          """
        : """
          INSERT INTO step_figures (unit, procedure_code, day, step, done, within_due, hours, timed)
          VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
          ON CONFLICT (unit, procedure_code, day, step) DO UPDATE SET done = step_figures.done + excluded.done,
              within_due = step_figures.within_due + excluded.within_due, hours = step_figures.hours + excluded.hours,
              timed = step_figures.timed + excluded.timed
          """;
}

/// <summary>The day figures' row a case counts in: its receiving unit, procedure and day of receipt.</summary>
public readonly record struct FigureKey(string Unit, string Procedure, string Day);

/// <summary>What a save adds to a <c>case_figures</c> row.</summary>
public readonly record struct CaseCounts(
    int Received, int Handled, int Early, int OnTime, int Late, int Withdrawn, int Online, int Escalations)
{
    /// <summary>What the save adds to the sums behind the Decision 766 indicators.</summary>
    public Indicators766 Indicators { get; init; }

    public static CaseCounts operator +(CaseCounts a, CaseCounts b) => new(
        a.Received + b.Received, a.Handled + b.Handled, a.Early + b.Early, a.OnTime + b.OnTime, a.Late + b.Late,
        a.Withdrawn + b.Withdrawn, a.Online + b.Online, a.Escalations + b.Escalations)
    {
        Indicators = a.Indicators + b.Indicators,
    };
}

/// <summary>What a save adds to a <c>step_figures</c> row of its case's key.</summary>
public readonly record struct StepDelta(string Step, int Done, int WithinDue, double Hours, int Timed);

/// <summary>What one save adds to the day figures; <see cref="None"/> when it changes no count.</summary>
public sealed record FigureDelta(FigureKey? Key, CaseCounts Counts, IReadOnlyList<StepDelta> Steps)
{
    public static FigureDelta None { get; } = new(null, default, []);
}
