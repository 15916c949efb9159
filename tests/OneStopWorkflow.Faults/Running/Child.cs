using System.Diagnostics;

namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// A real process the suite starts (a bench, a scanner node, the web app): its output goes to the suite's log, its
/// id to <c>pids</c> in the work folder so that the shell script's trap can end it when the suite itself dies, and
/// <see cref="Kill"/> sends SIGKILL.
/// </summary>
internal sealed class Child : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private Child(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>The lines the process wrote so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static Child Start(FaultOptions options, string name, string dll, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.Repository, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var child = new Child(process);
        File.AppendAllText(Path.Combine(options.Work, "pids"), $"{process.Id}\n");
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (child._lines)
            {
                child._lines.Add(line);
            }

            Log.Write(options, $"[{name} {process.Id}] {line}");
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to finish what it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Runs a command to its end and gives its exit code and output.</summary>
    public static async Task<(int Code, IReadOnlyList<string> Lines)> RunAsync(FaultOptions options, string name,
        string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var child = Start(options, name, dll, arguments, environment);
        await child.WaitAsync(CancellationToken.None);
        return (child.ExitCode, child.Lines);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
