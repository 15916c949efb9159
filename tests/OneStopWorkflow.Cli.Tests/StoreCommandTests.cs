using Microsoft.Data.Sqlite;
using Npgsql;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Cli.Tests;

/// <summary>
/// <c>onestop simulate --store</c> and <c>onestop audit verify</c> against real databases, as an operator runs them.
/// </summary>
public sealed class StoreCommandTests
{
    private const string Version = "procedures/land-use-transfer/v1";
    private const string Sample = "procedures/land-use-transfer/v1/samples/supplement-restart.json";

    private static Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["Storage__Provider"] = database.Provider.ToString().ToLowerInvariant(),
        ["ConnectionStrings__OneStop"] = database.ConnectionString,
    };

    [Fact]
    public async Task Simulate_with_store_prints_the_golden_report_and_audit_verify_finds_a_payload_edited_in_sql()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var env = Environment(database);

        var simulated = await Onestop.RunAsync(env, "simulate", Version, Sample, "--store");
        var clean = await Onestop.RunAsync(env, "audit", "verify");
        var report = await Onestop.RunAsync(env, "report", "compliance",
            "--from", "2026-03-01", "--to", "2026-03-31", "--unit", "HP", "--format", "csv");
        var badReport = await Onestop.RunAsync(env, "report", "compliance", "--from", "March", "--to", "2026-03-31");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var wipe = new SqliteCommand("DELETE FROM case_figures", connection);
            Assert.Equal(1, await wipe.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var emptied = await Onestop.RunAsync(env, "report", "compliance",
            "--from", "2026-03-01", "--to", "2026-03-31", "--unit", "HP", "--format", "csv");
        var rebuilt = await Onestop.RunAsync(env, "audit", "rebuild-figures");
        var recounted = await Onestop.RunAsync(env, "report", "compliance",
            "--from", "2026-03-01", "--to", "2026-03-31", "--unit", "HP", "--format", "csv");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var tamper = new SqliteCommand(
                "UPDATE events SET payload = REPLACE(payload, 'Nguyễn Văn An', 'Nguyễn Văn Ân') "
                + "WHERE sequence = 1",
                connection);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var tampered = await Onestop.RunAsync(env, "audit", "verify");
        var oneCase = await Onestop.RunAsync(env, "audit", "verify", "--case", "HP.LECHAN-260302-0007");

        Assert.Equal((0, ""), (simulated.ExitCode, simulated.Error));
        Assert.Equal(await File.ReadAllTextAsync(
            Repository.PathOf(Sample.Replace(".json", ".expected.json", StringComparison.Ordinal)),
            TestContext.Current.CancellationToken), simulated.Output);
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("received,1\n", report.Output, StringComparison.Ordinal);
        Assert.Contains("finished_early,1\n", report.Output, StringComparison.Ordinal);
        Assert.Contains("received,0\n", emptied.Output, StringComparison.Ordinal);
        Assert.Equal(0, rebuilt.ExitCode);
        Assert.StartsWith(
            "1 case(s) recounted into 1 unit-day figure row(s)", rebuilt.Output, StringComparison.Ordinal);
        Assert.Equal(report.Output, recounted.Output);
        Assert.Equal(2, badReport.ExitCode);
        Assert.Contains("yyyy-MM-dd", badReport.Error, StringComparison.Ordinal);
        Assert.Contains("every trail is intact", clean.Output, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("BROKEN case HP.LECHAN-260302-0007", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("at event 1: its content does not match its hash", tampered.Output, StringComparison.Ordinal);
        Assert.Equal(1, oneCase.ExitCode);
    }

    [Fact]
    public async Task Simulate_with_store_runs_into_postgresql_configured_by_environment_variables()
    {
        if (TestDatabase.PostgresMissing() is { } missing)
        {
            Assert.False(TestDatabase.PostgresRequired, missing);
            Assert.Skip(missing);
        }

        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var env = Environment(database);

        var simulated = await Onestop.RunAsync(env, "simulate", Version, Sample, "--store");
        var verified = await Onestop.RunAsync(env, "audit", "verify");

        Assert.Equal((0, ""), (simulated.ExitCode, simulated.Error));
        Assert.Equal(await File.ReadAllTextAsync(
            Repository.PathOf(Sample.Replace(".json", ".expected.json", StringComparison.Ordinal)),
            TestContext.Current.CancellationToken), simulated.Output);
        Assert.Equal(0, verified.ExitCode);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM procedure_versions WHERE status = 'Published'", connection);
        Assert.Equal(6L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // v1 and v2 of three
    }

    [Fact]
    public async Task Audit_verify_on_a_database_without_the_schema_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var result = await Onestop.RunAsync(Environment(database), "audit", "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no OneStopWorkflow schema", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_storage_provider_is_named_in_the_error()
    {
        var result = await Onestop.RunAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "oracle" }, "audit", "verify");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "Storage:Provider 'oracle' is not known; use sqlite, postgres or sqlserver.", result.Error,
            StringComparison.Ordinal);
    }
}
