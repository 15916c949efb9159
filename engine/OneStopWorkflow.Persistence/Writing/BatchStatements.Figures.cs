using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Writing;

/// <summary>
/// The day figures a batch adds: the counts its commands summed (<see cref="FigureSums"/>), one UPSERT per unit,
/// procedure and day and one per step, in the batch's transaction.
/// </summary>
public sealed partial class BatchStatements
{
    /// <summary>Adds a batch's summed figures: one UPSERT per row, in one order in every batch.</summary>
    public Task AddFiguresAsync(FigureSums sums, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return _provider == StorageProvider.Postgres && _collected is null
            ? AddFiguresInOneRoundTripAsync(sums, cancellationToken)
            : AddEachFigureAsync(sums, cancellationToken);
    }

    private async Task AddEachFigureAsync(FigureSums sums, CancellationToken cancellationToken)
    {
        foreach (var (key, counts, steps) in sums.Rows)
        {
            await AddCaseFiguresAsync(key, counts, cancellationToken);
            foreach (var step in steps)
            {
                await AddStepFiguresAsync(key, step, cancellationToken);
            }
        }
    }

    /// <summary>Adds a batch's summed counts to one day's figures row (one UPSERT per key and batch).</summary>
    public Task AddCaseFiguresAsync(FigureKey key, CaseCounts c, CancellationToken cancellationToken) =>
        RunAsync("case-figures", "sss" + "iiiiiiii" + "iiliiii", $"""
            INSERT INTO case_figures (unit, procedure_code, day, received, handled, early, on_time, late, withdrawn,
                online, escalations, rated, rating_sum, {DayFigures.IndicatorColumns})
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, 0, 0, @p11, @p12, @p13, @p14, @p15,
                @p16, @p17, 0)
            ON CONFLICT (unit, procedure_code, day) DO UPDATE SET received = case_figures.received + excluded.received,
                handled = case_figures.handled + excluded.handled, early = case_figures.early + excluded.early,
                on_time = case_figures.on_time + excluded.on_time, late = case_figures.late + excluded.late,
                withdrawn = case_figures.withdrawn + excluded.withdrawn,
                online = case_figures.online + excluded.online,
                escalations = case_figures.escalations + excluded.escalations,
                {DayFigures.IndicatorUpdates}
            """, [key.Unit, key.Procedure, key.Day, c.Received, c.Handled, c.Early, c.OnTime, c.Late, c.Withdrawn,
            c.Online, c.Escalations, c.Indicators.SupplementLate, c.Indicators.Processed,
            c.Indicators.ProcessingMinutes, c.Indicators.OnlineCounted, c.Indicators.PaperResult,
            c.Indicators.EResult, c.Indicators.Digitised], cancellationToken);

    public Task AddStepFiguresAsync(FigureKey key, StepDelta s, CancellationToken cancellationToken) =>
        RunAsync("step-figures", "ssssiidi", """
            INSERT INTO step_figures (unit, procedure_code, day, step, done, within_due, hours, timed)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            ON CONFLICT (unit, procedure_code, day, step) DO UPDATE SET done = step_figures.done + excluded.done,
                within_due = step_figures.within_due + excluded.within_due,
                hours = step_figures.hours + excluded.hours, timed = step_figures.timed + excluded.timed
            """, [key.Unit, key.Procedure, key.Day, s.Step, s.Done, s.WithinDue, s.Hours, s.Timed], cancellationToken);
}
