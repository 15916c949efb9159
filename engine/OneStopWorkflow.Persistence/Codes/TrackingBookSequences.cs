using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Codes;

/// <summary>
/// Hands out a case's entry in its unit's tracking book for the year with one atomic statement. Unlike the dossier
/// number it is taken inside the case's transaction: the statement locks the unit's row until the case is saved, so a
/// receipt that fails gives its number back and the book has no gaps, and numbers follow the order cases are saved.
/// </summary>
public static class TrackingBookSequences
{
    public static async Task<TrackingBookEntry> NextAsync(
        OneStopDbContext db, string unit, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "A tracking-book number is taken inside the transaction that saves its case, or a failed save leaves "
                + "a gap in the book.");
        }

        var sql = db.Provider switch
        {
            StorageProvider.SqlServer => """
                MERGE tracking_book_sequences WITH (HOLDLOCK) AS s
                USING (SELECT {0} AS unit, {1} AS year) AS k ON s.unit = k.unit AND s.year = k.year
                WHEN MATCHED THEN UPDATE SET last = s.last + 1
                WHEN NOT MATCHED THEN INSERT (unit, year, volume, last) VALUES ({0}, {1}, 1, 1)
                OUTPUT inserted.volume AS Volume, inserted.last AS Number;
                """,
            _ => """
                INSERT INTO tracking_book_sequences (unit, year, volume, last) VALUES ({0}, {1}, 1, 1)
                ON CONFLICT (unit, year) DO UPDATE SET last = tracking_book_sequences.last + 1
                RETURNING volume AS "Volume", last AS "Number";
                """,
        };
        var entries = await db.Database.SqlQueryRaw<Taken>(sql, unit, year).ToListAsync(cancellationToken);
        var taken = entries.Single();
        return new TrackingBookEntry(taken.Volume, taken.Number);
    }

    /// <summary>The row the statement returns.</summary>
    private sealed class Taken
    {
        public int Volume { get; init; }
        public int Number { get; init; }
    }
}
