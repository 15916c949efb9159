using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStopWorkflow.Persistence.Storage;

/// <summary>
/// SQLite, the embedded default. Instants are stored as UTC ticks so that SQL can compare and sort them.
/// </summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options) : OneStopDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>PostgreSQL: instants are <c>timestamptz</c>, which Npgsql only writes in UTC.</summary>
public sealed class NpgsqlOneStopDbContext(DbContextOptions<NpgsqlOneStopDbContext> options) : OneStopDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Postgres;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
}

/// <summary>SQL Server: instants are <c>datetimeoffset</c>.</summary>
public sealed class SqlServerOneStopDbContext(DbContextOptions<SqlServerOneStopDbContext> options)
    : OneStopDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.SqlServer;
}

/// <summary>
/// Lets <c>dotnet ef</c> build each context; the connection string comes from ONESTOP_DESIGN_CONNECTION.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDbContext>
{
    public SqliteOneStopDbContext CreateDbContext(string[] args) =>
        (SqliteOneStopDbContext)OneStopDatabase.CreateContext(
            StorageProvider.Sqlite, DesignConnection("Data Source=design.db"));

    internal static string DesignConnection(string fallback) =>
        Environment.GetEnvironmentVariable("ONESTOP_DESIGN_CONNECTION") ?? fallback;
}

public sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlOneStopDbContext>
{
    public NpgsqlOneStopDbContext CreateDbContext(string[] args) =>
        (NpgsqlOneStopDbContext)OneStopDatabase.CreateContext(StorageProvider.Postgres,
            SqliteDesignTimeFactory.DesignConnection("Host=127.0.0.1;Database=onestop;Username=postgres"));
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOneStopDbContext>
{
    public SqlServerOneStopDbContext CreateDbContext(string[] args) =>
        (SqlServerOneStopDbContext)OneStopDatabase.CreateContext(StorageProvider.SqlServer,
            SqliteDesignTimeFactory.DesignConnection(
                "Server=localhost;Database=onestop;Trusted_Connection=True;TrustServerCertificate=True"));
}
