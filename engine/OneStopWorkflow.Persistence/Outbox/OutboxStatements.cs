using System.Data.Common;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Outbox;

/// <summary>
/// The outbox sender's four statements, in plain SQL on a connection of its own (no EF Core model is built and no
/// query compiled: a sender started for one pass, as <c>onestop mail send</c>, begins in a fraction of a second).
/// Instants are bound as the EF model stores them: UTC ticks on SQLite, UTC <c>timestamptz</c> on PostgreSQL,
/// <c>datetimeoffset</c> on SQL Server.
/// </summary>
public sealed class OutboxStatements : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly StorageProvider _provider;

    private OutboxStatements(DbConnection connection, StorageProvider provider) =>
        (_connection, _provider) = (connection, provider);

    /// <summary>A connection to the store, opened for the statements.</summary>
    public static async Task<OutboxStatements> OpenAsync(
        StorageProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        DbConnection connection = provider switch
        {
            StorageProvider.Sqlite => new Microsoft.Data.Sqlite.SqliteConnection(connectionString),
            StorageProvider.Postgres => new Npgsql.NpgsqlConnection(connectionString),
            StorageProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnection(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new OutboxStatements(connection, provider);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private const string Columns = "id, case_id, event_sequence, kind, recipient, subject, body, message_id, "
        + "created_at, attempts, next_attempt_at";

    /// <summary>The unsent rows due at <paramref name="now"/>, the longest waiting first.</summary>
    public async Task<IReadOnlyList<OutboxMessageRow>> DueAsync(
        DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var sql = _provider == StorageProvider.SqlServer
            ? $"SELECT TOP (@limit) {Columns} FROM outbox_messages WHERE sent_at IS NULL AND next_attempt_at <= @now "
                + "ORDER BY next_attempt_at, id"
            : $"SELECT {Columns} FROM outbox_messages WHERE sent_at IS NULL AND next_attempt_at <= @now "
                + "ORDER BY next_attempt_at, id LIMIT @limit";
        await using var command = Command(sql, ("now", Instant(now)), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxMessageRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxMessageRow
            {
                Id = reader.GetInt64(0), CaseId = reader.GetString(1), EventSequence = reader.GetInt32(2),
                Kind = reader.GetString(3), Recipient = reader.GetString(4), Subject = reader.GetString(5),
                Body = reader.GetString(6), MessageId = reader.GetString(7), CreatedAt = InstantAt(reader, 8),
                Attempts = reader.GetInt32(9), NextAttemptAt = reader.IsDBNull(10) ? null : InstantAt(reader, 10),
            });
        }

        return rows;
    }

    /// <summary>
    /// Takes a row until <paramref name="until"/> and counts the attempt, only if it is unsent and its next attempt is
    /// still the one read (<paramref name="row"/>'s): false when another sender took it meanwhile.
    /// </summary>
    public async Task<bool> ClaimAsync(OutboxMessageRow row, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return await ExecuteAsync(
            "UPDATE outbox_messages SET next_attempt_at = @until, attempts = attempts + 1 "
            + "WHERE id = @id AND sent_at IS NULL AND next_attempt_at = @seen",
            cancellationToken, ("until", Instant(until)), ("id", row.Id), ("seen", Instant(row.NextAttemptAt))) == 1;
    }

    public Task SentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE outbox_messages SET sent_at = @at, next_attempt_at = NULL, last_error = NULL WHERE id = @id",
        cancellationToken, ("at", Instant(at)), ("id", id));

    /// <summary>Keeps the error; the row is due again at <paramref name="next"/>, never when that is null.</summary>
    public Task FailedAsync(long id, DateTimeOffset? next, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE outbox_messages SET next_attempt_at = @next, last_error = @error WHERE id = @id",
            cancellationToken, ("next", Instant(next)), ("error", error), ("id", id));

    private async Task<int> ExecuteAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] values)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private object? Instant(DateTimeOffset? value) => value is not { } v ? null
        : _provider == StorageProvider.Sqlite ? v.UtcTicks
        : v.ToUniversalTime();

    private DateTimeOffset InstantAt(DbDataReader reader, int ordinal) => _provider == StorageProvider.Sqlite
        ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
        : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
