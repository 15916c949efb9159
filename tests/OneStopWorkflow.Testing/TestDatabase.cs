using Microsoft.Data.Sqlite;
using Npgsql;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Testing;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in the temp folder, or a new database on the PostgreSQL
/// server that tests/run starts (OSW_TEST_POSTGRES). Dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _name;

    private TestDatabase(StorageProvider provider, string connectionString, string? file, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _name = name;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The server connection string from OSW_TEST_POSTGRES, or null when no server was started.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("OSW_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Why a PostgreSQL test cannot run here, or null when it can. When PostgreSQL is required (tests/run sets
    /// OSW_REQUIRE_POSTGRES=1, and CI=true) a missing server is an error to fail on, never a reason to skip.
    /// </summary>
    public static string? PostgresMissing() => PostgresServer is null
        ? "OSW_TEST_POSTGRES is not set: run tests/run, which starts a throwaway PostgreSQL."
        : null;

    public static bool PostgresRequired =>
        Environment.GetEnvironmentVariable("OSW_REQUIRE_POSTGRES") is "1"
        || Environment.GetEnvironmentVariable("CI") is "true" or "1";

    /// <summary>A path for a new SQLite file; the file is created when the app first opens it.</summary>
    public static TestDatabase NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "onestop-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={file}", file, null);
    }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            return NewSqlite();
        }

        if (provider != StorageProvider.Postgres)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Tests run on SQLite and PostgreSQL.");
        }

        var server = PostgresServer ?? throw new InvalidOperationException(PostgresMissing());
        var name = $"osw_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(
            provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, name);
    }

    public OneStopDbContext CreateContext() => OneStopDatabase.CreateContext(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
