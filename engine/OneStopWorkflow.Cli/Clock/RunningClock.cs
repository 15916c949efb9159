using System.Diagnostics;

namespace OneStopWorkflow.Cli.Clock;

/// <summary>A clock that starts at a given instant and runs at the real pace from there, so leases expire.</summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);
}
