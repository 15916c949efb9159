namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>
/// How many lookups (and ratings) the public may send: per client address and per dossier code, each in a fixed
/// window of time. The limit lives in the application layer, so the page (over its Blazor circuit) and the API are
/// held to the same count. An 8-hex-digit secret has 4 billion values; at these limits a guesser needs years.
/// </summary>
/// <remarks>
/// A fixed-window count on <see cref="TimeProvider"/> rather than System.Threading.RateLimiting, whose limiters
/// replenish on their own timer and so cannot be driven by a fake clock in tests.
/// </remarks>
public sealed class LookupLimiter(TimeProvider time)
{
    /// <summary>Lookups one client address may send in <see cref="ClientWindow"/>.</summary>
    public const int PerClient = 10;

    public static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(1);

    /// <summary>Lookups of one dossier code, from anywhere, in <see cref="CodeWindow"/>.</summary>
    public const int PerCode = 20;

    public static readonly TimeSpan CodeWindow = TimeSpan.FromHours(1);

    /// <summary>How many keys are kept before the windows that have passed are forgotten.</summary>
    private const int Sweep = 10_000;

    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Counts one lookup by <paramref name="client"/> (its address; null counts as one unknown client) of
    /// <paramref name="dossierCode"/>. Null when it may go ahead, else how long until it may be tried again.
    /// </summary>
    public TimeSpan? TryAcquire(string? client, string dossierCode)
    {
        ArgumentNullException.ThrowIfNull(dossierCode);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_counts.Count > Sweep)
            {
                Forget(now);
            }

            return Count("client:" + (client ?? "unknown"), PerClient, ClientWindow, now)
                ?? Count("code:" + dossierCode, PerCode, CodeWindow, now);
        }
    }

    private TimeSpan? Count(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        var index = now.UtcTicks / window.Ticks;
        var (seen, count) = _counts.GetValueOrDefault(key);
        count = seen == index ? count : 0;
        if (count >= limit)
        {
            return new DateTimeOffset((index + 1) * window.Ticks, TimeSpan.Zero) - now;
        }

        _counts[key] = (index, count + 1);
        return null;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _counts.Where(p => (p.Value.Window + 1) * WindowOf(p.Key).Ticks <= now.UtcTicks)
                     .Select(p => p.Key).ToList())
        {
            _counts.Remove(key);
        }
    }

    private static TimeSpan WindowOf(string key) => key.StartsWith("client:", StringComparison.Ordinal)
        ? ClientWindow
        : CodeWindow;
}
