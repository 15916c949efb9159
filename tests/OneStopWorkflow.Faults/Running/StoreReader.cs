using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// Reads a OneStopWorkflow database directly, as an auditor with SQL would, to check what the app says it kept: the
/// trail's events per case and any count the scenarios compare.
/// </summary>
internal sealed class StoreReader(string provider, string connectionString)
{
    public string Provider => provider;
    public string ConnectionString => connectionString;

    /// <summary>The variables the app and the CLI read to use this database.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Storage__Provider"] = provider, ["ConnectionStrings__OneStop"] = connectionString,
    };

    /// <summary>How many events each case's trail holds.</summary>
    public async Task<Dictionary<string, int>> EventCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, count) in await PairsAsync("SELECT case_id, COUNT(*) FROM events GROUP BY case_id"))
        {
            counts[id] = count;
        }

        return counts;
    }

    /// <summary>The rows of a query of a text and a number.</summary>
    public async Task<List<(string, int)>> PairsAsync(string sql)
    {
        var pairs = new List<(string, int)>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return pairs;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = provider == "postgres"
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
