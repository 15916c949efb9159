using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Tests.Storage;

/// <summary>Each provider's migrations describe the current model; none needs a database server.</summary>
public sealed class MigrationTests
{
    private static readonly Dictionary<StorageProvider, string> Connections = new()
    {
        [StorageProvider.Sqlite] = "Data Source=:memory:",
        [StorageProvider.Postgres] = "Host=127.0.0.1;Database=unused;Username=unused",
        [StorageProvider.SqlServer] = "Server=unused;Database=unused;TrustServerCertificate=True",
    };

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    [InlineData(StorageProvider.SqlServer)]
    public void The_model_has_no_changes_missing_from_the_providers_migrations(StorageProvider provider)
    {
        using var db = OneStopDatabase.CreateContext(provider, Connections[provider]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed but {provider} has no migration for it. Add one: dotnet ef migrations add <Name> "
            + $"--project engine/OneStopWorkflow.Persistence --context {db.GetType().Name} "
            + "--output-dir Storage/Migrations/<Provider>");
    }

    [Fact]
    public void The_sql_server_migration_script_is_generated_without_a_server()
    {
        using var db = OneStopDatabase.CreateContext(StorageProvider.SqlServer, Connections[StorageProvider.SqlServer]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [cases]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [ix_events_case_id_sequence]", script, StringComparison.Ordinal);
        Assert.Contains("datetimeoffset", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_sqlite_file_is_created_and_migrated_in_write_ahead_mode()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = OneStopDatabase.CreateContext(StorageProvider.Sqlite, $"Data Source={file}"))
            {
                await OneStopDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
                var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode")
                    .ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal("wal", Assert.Single(mode));
            }

            Assert.True(File.Exists(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
