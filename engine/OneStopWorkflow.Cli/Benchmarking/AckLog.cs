using System.Globalization;
using System.Text;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>
/// <c>bench --acks &lt;file&gt;</c>: one line "case-id version" per acknowledged command, appended and handed to the
/// operating system before the bench counts the command as done, so a process killed at any moment leaves in the file
/// exactly what it had acknowledged. The fault suite compares the file with the trails.
/// </summary>
internal sealed class AckLog : IDisposable
{
    private readonly FileStream _file;
    private readonly Lock _gate = new();

    private AckLog(FileStream file) => _file = file;

    public static AckLog? Open(string? path) => path is null
        ? null
        : new AckLog(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None));

    /// <summary>Writes one line and flushes it to the OS; not to the disk: the fault is a killed process.</summary>
    public void Acknowledged(string caseId, int version)
    {
        var line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{caseId} {version}\n"));
        lock (_gate)
        {
            _file.Write(line);
            _file.Flush();
        }
    }

    public void Dispose() => _file.Dispose();
}
