using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Codes;

/// <summary>
/// Hands out the next number of a unit's daily sequence with one atomic statement, outside the case transaction:
/// a number is never given twice, and one lost to a refused receipt is a tolerated gap, as with a paper book.
/// </summary>
public static class DossierSequences
{
    /// <param name="atLeast">
    /// The lowest number to give: lets a centre that already wrote numbers in its paper book today continue after
    /// them.
    /// </param>
    public static async Task<int> NextAsync(
        OneStopDbContext db, string unit, string day, int atLeast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Provider switch
        {
            StorageProvider.SqlServer => """
                MERGE dossier_sequences WITH (HOLDLOCK) AS s
                USING (SELECT {0} AS unit, {1} AS day) AS k ON s.unit = k.unit AND s.day = k.day
                WHEN MATCHED THEN UPDATE SET last = CASE WHEN s.last + 1 > {2} THEN s.last + 1 ELSE {2} END
                WHEN NOT MATCHED THEN INSERT (unit, day, last) VALUES ({0}, {1}, {2})
                OUTPUT inserted.last AS Value;
                """,
            _ => """
                INSERT INTO dossier_sequences (unit, day, last) VALUES ({0}, {1}, {2})
                ON CONFLICT (unit, day) DO UPDATE SET last = CASE WHEN dossier_sequences.last + 1 > {2}
                    THEN dossier_sequences.last + 1 ELSE {2} END
                RETURNING last AS "Value";
                """,
        };
        var values = await db.Database.SqlQueryRaw<int>(sql, unit, day, Math.Max(1, atLeast))
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
