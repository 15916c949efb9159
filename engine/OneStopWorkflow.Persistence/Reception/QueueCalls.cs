using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Reception;

/// <summary>
/// Calls the lowest waiting number of a centre's day with one atomic statement, so two clerks calling at once
/// never get the same citizen: PostgreSQL skips the row another call has locked, SQL Server reads past it, and
/// SQLite runs one writing statement at a time.
/// </summary>
public static class QueueCalls
{
    /// <summary>The id of the ticket now called to the counter, or null when nobody waits.</summary>
    public static async Task<long?> CallNextAsync(
        OneStopDbContext db, QueueCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(call);
        var sql = db.Provider switch
        {
            StorageProvider.SqlServer => """
                WITH next AS (
                    SELECT TOP (1) * FROM queue_tickets WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE centre = {0} AND day = {1} AND state = 'waiting' ORDER BY number)
                UPDATE next SET state = 'called', called_at = {2}, called_by = {3}, counter = {4}
                OUTPUT inserted.id AS Value;
                """,
            StorageProvider.Postgres => """
                UPDATE queue_tickets SET state = 'called', called_at = {2}, called_by = {3}, counter = {4}
                WHERE state = 'waiting' AND id = (
                    SELECT id FROM queue_tickets WHERE centre = {0} AND day = {1} AND state = 'waiting'
                    ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value";
                """,
            _ => """
                UPDATE queue_tickets SET state = 'called', called_at = {2}, called_by = {3}, counter = {4}
                WHERE state = 'waiting' AND id = (
                    SELECT id FROM queue_tickets WHERE centre = {0} AND day = {1} AND state = 'waiting'
                    ORDER BY number LIMIT 1)
                RETURNING id AS "Value";
                """,
        };

        // The instant as each provider's context stores it (SQLite: UTC ticks; PostgreSQL: UTC timestamptz).
        object at = db.Provider switch
        {
            StorageProvider.Sqlite => call.At.UtcTicks,
            StorageProvider.Postgres => call.At.ToUniversalTime(),
            _ => call.At,
        };
        var ids = await db.Database.SqlQueryRaw<long>(sql, call.Centre, call.Day, at, call.CalledBy, call.Counter)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
