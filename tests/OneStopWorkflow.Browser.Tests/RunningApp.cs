using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The web app started as its own process on a free loopback port, in Development (demo users), over a fresh
/// SQLite file, the way the README runs it. Stopped with its process tree when the tests end.
/// </summary>
public sealed class RunningApp : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.NewSqlite();
    private Process? _process;
    private readonly System.Text.StringBuilder _log = new();

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var project = Repository.PathOf("designer", "OneStopWorkflow.Designer");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "OneStopWorkflow.Designer.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__OneStop"] = _database.ConnectionString;
        start.Environment["OneStop__ProceduresFolder"] = Repository.PathOf("procedures");
        start.Environment["OneStop__Scanner__Enabled"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var waited = 0; waited < 120; waited++)
        {
            Assert.False(_process.HasExited, $"The app exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The app did not become healthy in 60 s:\n{Log}");
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await _database.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
