using Microsoft.Data.Sqlite;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// The upgrade that replaced each stored lookup secret with its hash (<see cref="LookupSecret.Hash"/>), written for
/// each database. PostgreSQL and SQL Server hash in SQL; SQLite has no SHA-256, so the upgrade calls a function that
/// <see cref="Register"/> adds to the connection, the engine's own hash. A row that already holds a hash is left.
/// </summary>
public static class SecretHashes
{
    private const string SqliteFunction = "osw_lookup_secret_hash";

    public const string Sqlite =
        $"UPDATE cases SET secret = {SqliteFunction}(id, secret) WHERE secret NOT LIKE 'sha256:%';";

    public const string Postgres =
        "UPDATE cases SET secret = 'sha256:' || encode(sha256(convert_to("
        + "'osw-lookup:' || id || ':' || lower(secret), 'UTF8')), 'hex') WHERE secret NOT LIKE 'sha256:%';";

    // Ids and secrets are ASCII (hex digits and a dossier's id), so varchar's bytes are their UTF-8 bytes.
    public const string SqlServer =
        "UPDATE cases SET secret = 'sha256:' + LOWER(CONVERT(varchar(64), HASHBYTES('SHA2_256', "
        + "CONVERT(varchar(max), 'osw-lookup:' + id + ':' + LOWER(secret))), 2)) WHERE secret NOT LIKE 'sha256:%';";

    /// <summary>Adds the hash function the SQLite upgrade calls to an open connection.</summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction(SqliteFunction, (string id, string secret) => LookupSecret.Hash(id, secret),
            isDeterministic: true);
    }
}
