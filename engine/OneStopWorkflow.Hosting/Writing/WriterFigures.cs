using System.Diagnostics;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>
/// What the writer has done since it started, for the benchmark and for operators: commits, the commands they
/// carried (as a histogram of commands per commit) and how often a command found its case in the cache.
/// </summary>
public sealed class WriterFigures
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, long> _perCommit = [];
    private long _commits, _commands, _hits, _misses, _deciding, _writing, _committing;

    public long Commits => Interlocked.Read(ref _commits);

    public long Commands => Interlocked.Read(ref _commands);

    public long CacheHits => Interlocked.Read(ref _hits);

    public long CacheMisses => Interlocked.Read(ref _misses);

    /// <summary>Time the writer spent deciding (reads, engine, documents), writing rows and committing.</summary>
    public (TimeSpan Deciding, TimeSpan Writing, TimeSpan Committing) Time => (
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _deciding)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writing)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _committing)));

    internal void Decided(long since) => Interlocked.Add(ref _deciding, Stopwatch.GetTimestamp() - since);

    internal void Wrote(long since) => Interlocked.Add(ref _writing, Stopwatch.GetTimestamp() - since);

    internal void CommittedIn(long since) => Interlocked.Add(ref _committing, Stopwatch.GetTimestamp() - since);

    /// <summary>Commits by how many commands they carried.</summary>
    public IReadOnlyDictionary<int, long> CommandsPerCommit
    {
        get
        {
            lock (_lock)
            {
                return new SortedDictionary<int, long>(_perCommit);
            }
        }
    }

    internal void Committed(int commands)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _commands, commands);
        lock (_lock)
        {
            _perCommit[commands] = _perCommit.GetValueOrDefault(commands) + 1;
        }
    }

    internal void Hit() => Interlocked.Increment(ref _hits);

    internal void Missed() => Interlocked.Increment(ref _misses);
}
