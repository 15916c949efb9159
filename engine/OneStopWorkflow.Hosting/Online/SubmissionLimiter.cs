namespace OneStopWorkflow.Hosting.Online;

/// <summary>
/// How many online submissions and supplements one client address may send per minute (a fixed window on
/// <see cref="TimeProvider"/>, as the lookup limit, so tests can drive it). The page and the API share the count.
/// </summary>
public sealed class SubmissionLimiter(TimeProvider time, Microsoft.Extensions.Options.IOptions<OneStopOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int Sweep = 10_000;
    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts a submission from <paramref name="client"/>: null when it may go ahead, else the wait.</summary>
    public TimeSpan? TryAcquire(string? client)
    {
        var now = time.GetUtcNow();
        var index = now.UtcTicks / Window.Ticks;
        var key = client ?? "unknown";
        lock (_lock)
        {
            if (_counts.Count > Sweep)
            {
                foreach (var stale in _counts.Where(c => c.Value.Window != index).Select(c => c.Key).ToList())
                {
                    _counts.Remove(stale);
                }
            }

            var (seen, count) = _counts.GetValueOrDefault(key);
            count = seen == index ? count : 0;
            if (count >= options.Value.Online.SubmissionsPerMinute)
            {
                return new DateTimeOffset((index + 1) * Window.Ticks, TimeSpan.Zero) - now;
            }

            _counts[key] = (index, count + 1);
            return null;
        }
    }
}
