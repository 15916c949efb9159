using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// Compares the kept day figures with a recount from the cases without changing them: the recount runs in a
/// transaction that is rolled back, so what is compared is exactly what <see cref="DayFigures.RebuildAsync"/> would
/// write. Used after a fault to prove that the figures kept with every save lost and doubled nothing.
/// </summary>
public static class FigureCheck
{
    /// <summary>The rows compared and one line per row that differs (kept, then recounted).</summary>
    public sealed record Result(int Rows, IReadOnlyList<string> Differences);

    public static async Task<Result> CompareAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var kept = await ReadAsync(db, cancellationToken);
            foreach (var statement in DayFigures.RebuildSql)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            var recounted = await ReadAsync(db, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            var differences = kept.Keys.Union(recounted.Keys).Order(StringComparer.Ordinal)
                .Where(k => kept.GetValueOrDefault(k) != recounted.GetValueOrDefault(k))
                .Select(k => $"{k}: kept {kept.GetValueOrDefault(k) ?? "none"}, "
                    + $"recounted {recounted.GetValueOrDefault(k) ?? "none"}")
                .ToArray();
            return new Result(Math.Max(kept.Count, recounted.Count), differences);
        });
    }

    /// <summary>Every figure row as a key and its values in words, so rows compare as text.</summary>
    private static async Task<Dictionary<string, string?>> ReadAsync(
        OneStopDbContext db, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in await db.CaseFigures.AsNoTracking().ToListAsync(cancellationToken))
        {
            rows[$"case {f.Unit} {f.ProcedureCode} {f.Day}"] = string.Join(' ', f.Received, f.Handled, f.Early,
                f.OnTime, f.Late, f.Withdrawn, f.Online, f.Escalations, f.Rated, f.RatingSum);
        }

        foreach (var f in await db.StepFigures.AsNoTracking().ToListAsync(cancellationToken))
        {
            // Hours are sums of fractions added in another order by each save: equal to the millihour.
            rows[$"step {f.Unit} {f.ProcedureCode} {f.Day} {f.Step}"] = string.Join(' ', f.Done, f.WithinDue,
                Math.Round(f.Hours, 3).ToString("0.000", CultureInfo.InvariantCulture), f.Timed);
        }

        return rows;
    }
}
