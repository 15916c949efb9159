using System.Diagnostics;
using Npgsql;

namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// The suite's own PostgreSQL server, in the work folder on its own port: created with initdb, started and stopped
/// with pg_ctl (as the postgres user when the suite runs as root), so the outage scenario may stop it for real.
/// </summary>
internal sealed class ThrowawayPostgres(FaultOptions options)
{
    private readonly string _data = Path.Combine(options.Work, "pg");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={options.PostgresPort};Username=postgres;Database={database};"
        + "Maximum Pool Size=40;Timeout=5";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        await RunAsync("chown", ["postgres:postgres", _data], asRoot: true);
        await PgAsync($"{Tool("initdb")} -D {_data} -U postgres -A trust -E UTF8 --no-locale");
        await StartAsync();
    }

    public Task StartAsync() => PgAsync(
        $"{Tool("pg_ctl")} -D {_data} -l {_data}/server.log -w -t 60 -o \"-p {options.PostgresPort} "
        + "-c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200\" start");

    /// <summary>Stops the server at once, the way an operator or a crash takes it away: connections are cut.</summary>
    public Task StopAsync() => PgAsync($"{Tool("pg_ctl")} -D {_data} -m fast -w stop");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    private string Tool(string name) => Path.Combine(options.PostgresBin, name);

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string command) => IsRoot
        ? RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command], asRoot: false)
        : RunAsync("/bin/sh", ["-c", command], asRoot: false);

    private async Task RunAsync(string file, string[] arguments, bool asRoot)
    {
        if (asRoot && !IsRoot)
        {
            return;
        }

        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Log.Write(options, $"[postgres] {file} {string.Join(' ', arguments)}: exit {process.ExitCode} {output.Trim()}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {output.Trim()}");
        }
    }
}
