using System.Collections.Concurrent;
using System.Diagnostics;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>What one bench run counts across its clerks: the commands, their latencies, the time deciding.</summary>
internal sealed class BenchTally
{
    private readonly ConcurrentBag<double> _latencies = [];
    private int _commands;
    private long _decideTicks;

    public int Commands => Volatile.Read(ref _commands);

    /// <summary>Counts one command that succeeded after <paramref name="milliseconds"/>.</summary>
    public void Command(double milliseconds)
    {
        _latencies.Add(milliseconds);
        Interlocked.Increment(ref _commands);
    }

    /// <summary>Adds time spent in <c>Workflow.Decide</c> alone: the engine without its paperwork.</summary>
    public void Decided(long stopwatchTicks) => Interlocked.Add(ref _decideTicks, stopwatchTicks);

    /// <summary>Commands per second of deciding alone; null when the run did not time the decisions.</summary>
    public double? DecideOnlyCommandsPerSecond => _decideTicks == 0
        ? null
        : Math.Round(Commands / ((double)_decideTicks / Stopwatch.Frequency), 1);

    /// <summary>The latency within which a share <paramref name="p"/> of the commands finished, in ms.</summary>
    public double Percentile(double p)
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
