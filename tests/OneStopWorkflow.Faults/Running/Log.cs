using System.Globalization;

namespace OneStopWorkflow.Faults.Running;

/// <summary>The suite's detailed log (faults.log in the work folder); the console gets only the summary line.</summary>
internal static class Log
{
    private static readonly Lock Gate = new();

    public static void Write(FaultOptions options, string line)
    {
        lock (Gate)
        {
            File.AppendAllText(options.Log,
                $"{DateTimeOffset.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}\n");
        }
    }
}
