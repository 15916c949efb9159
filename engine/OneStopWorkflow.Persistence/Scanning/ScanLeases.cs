using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Scanning;

/// <summary>
/// Claims cases whose time-driven work is due, for one scanner, with a lease. Another scanner skips a leased case;
/// a scanner that dies before committing leaves a lease that simply expires, and the next scan takes the case again.
/// </summary>
public static class ScanLeases
{
    public static async Task<IReadOnlyList<string>> ClaimAsync(
        OneStopDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        object Instant(DateTimeOffset value) =>
            db.Provider == StorageProvider.Sqlite ? value.UtcTicks : value.ToUniversalTime();
        var skipLocked = db.Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = db.Provider switch
        {
            StorageProvider.SqlServer => """
                UPDATE TOP ({3}) cases WITH (READPAST, UPDLOCK, ROWLOCK)
                SET lease_owner = {0}, lease_until = {1}
                OUTPUT inserted.id AS Value
                WHERE status <> 'Finished' AND next_due_at <= {2} AND (lease_until IS NULL OR lease_until < {2});
                """,
            // On PostgreSQL, SKIP LOCKED lets concurrent scanners pass over rows another one is claiming right now.
            _ => $$"""
                UPDATE cases SET lease_owner = {0}, lease_until = {1}
                WHERE id IN (SELECT id FROM cases
                             WHERE status <> 'Finished' AND next_due_at <= {2}
                               AND (lease_until IS NULL OR lease_until < {2})
                             ORDER BY next_due_at LIMIT {3}{{skipLocked}})
                  AND (lease_until IS NULL OR lease_until < {2})
                RETURNING id AS "Value";
                """,
        };
        return await db.Database.SqlQueryRaw<string>(sql, owner, Instant(now + lease), Instant(now), batch)
            .ToListAsync(cancellationToken);
    }
}
