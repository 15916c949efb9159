using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OneStopWorkflow.Persistence.Storage;

/// <summary>Creates the context of a provider and prepares a database: migrations, and WAL for SQLite files.</summary>
public static class OneStopDatabase
{
    public static OneStopDbContext CreateContext(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.Sqlite => new SqliteOneStopDbContext(
            new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite(connectionString).Options),
        StorageProvider.Postgres => new NpgsqlOneStopDbContext(
            new DbContextOptionsBuilder<NpgsqlOneStopDbContext>().UseNpgsql(connectionString).Options),
        StorageProvider.SqlServer => new SqlServerOneStopDbContext(
            new DbContextOptionsBuilder<SqlServerOneStopDbContext>().UseSqlServer(connectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    /// <summary>
    /// A pool of contexts for one provider and connection: each scope borrows one and returns it reset when the scope
    /// ends, instead of building a context, its options and its services for every request.
    /// </summary>
    public static Func<OneStopDbContext> CreatePool(
        StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.Sqlite => new PooledDbContextFactory<SqliteOneStopDbContext>(
            new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite(connectionString).Options).CreateDbContext,
        StorageProvider.Postgres => new PooledDbContextFactory<NpgsqlOneStopDbContext>(
            new DbContextOptionsBuilder<NpgsqlOneStopDbContext>().UseNpgsql(connectionString).Options).CreateDbContext,
        StorageProvider.SqlServer => new PooledDbContextFactory<SqlServerOneStopDbContext>(
            new DbContextOptionsBuilder<SqlServerOneStopDbContext>().UseSqlServer(connectionString).Options)
            .CreateDbContext,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    /// <summary>
    /// Applies pending migrations. A SQLite file switches to write-ahead logging so readers never block the writer;
    /// its migrations run on a connection that knows the functions they call (<see cref="Cases.SecretHashes"/>).
    /// </summary>
    public static async Task MigrateAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider != StorageProvider.Sqlite)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            Cases.SecretHashes.Register((SqliteConnection)db.Database.GetDbConnection());
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
