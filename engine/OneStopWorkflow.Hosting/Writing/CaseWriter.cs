using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Writing;

namespace OneStopWorkflow.Hosting.Writing;

/// <summary>
/// The one writer of case decisions in this process: one loop per partition of case ids (one on SQLite, a few on
/// PostgreSQL). A loop takes whatever commands are queued (never waiting for more, at most
/// <see cref="WriterOptions.Batch"/>), decides each in order on the case as it stands (from its cache, else read
/// once), writes each as its own all-or-nothing unit (a savepoint) in one transaction, commits with full
/// durability, and only then answers each caller. A command that fails alone is rolled back alone; one that loses
/// to another process (the version guard or a unique key) is decided again once from a fresh read, then refused as
/// a conflict. A failed commit fails the whole batch to every caller, and the loop starts again with a cold cache.
/// On SQL Server each command is written by EF Core on its own (<see cref="CaseStore.SaveAsync"/>).
/// </summary>
public sealed partial class CaseWriter : IAsyncDisposable
{
    private readonly Partition[] _partitions;

    public CaseWriter(IOptions<OneStopOptions> options, ILogger<CaseWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var count = o.Provider == StorageProvider.Postgres ? Math.Max(1, o.Writer.Partitions) : 1;
        var batch = o.Provider == StorageProvider.SqlServer ? 1 : Math.Max(1, o.Writer.Batch);
        _partitions = Enumerable.Range(0, count)
            .Select(i => new Partition(o, batch, Math.Max(0, o.Writer.CachedCases / count), Figures, logger))
            .ToArray();
    }

    /// <summary>What the writer did so far: commits, commands per commit, the cache's hits and misses.</summary>
    public WriterFigures Figures { get; } = new();

    /// <summary>Commands queued and not yet taken into a batch, over every partition.</summary>
    public int Waiting => _partitions.Sum(p => p.Waiting);

    /// <summary>
    /// Queues <paramref name="job"/> on the partition of <paramref name="caseId"/> and returns its answer once the
    /// transaction that wrote it (or refused it) has committed.
    /// </summary>
    public async Task<T> WriteAsync<T>(string caseId, WriteJob<T> job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(job);
        var queued = new Queued<T>(caseId, job);
        var partition = _partitions[(int)((uint)StringComparer.Ordinal.GetHashCode(caseId) % _partitions.Length)];
        await partition.EnqueueAsync(queued, cancellationToken);
        return await queued.Answer.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var partition in _partitions)
        {
            await partition.DisposeAsync();
        }
    }

    /// <summary>One loop, its queue, its own connection and prepared statements, and its cache.</summary>
    private sealed partial class Partition : IAsyncDisposable
    {
        private readonly Channel<IQueued> _queue = Channel.CreateUnbounded<IQueued>(
            new UnboundedChannelOptions { SingleReader = true });
        private readonly OneStopOptions _options;
        private readonly int _batch;
        private readonly CaseCache _cache;
        private readonly WriterFigures _figures;
        private readonly ILogger _logger;
        private readonly Task _loop;
        private OneStopDbContext? _db;
        private BatchStatements? _statements;
        private FileStream? _writerLock;

        public Partition(OneStopOptions options, int batch, int cachedCases, WriterFigures figures, ILogger logger)
        {
            (_options, _batch, _cache, _figures, _logger) =
                (options, batch, new CaseCache(cachedCases, figures), figures, logger);
            _loop = Task.Run(RunAsync);
        }

        /// <summary>Commands queued and not yet taken (a single reader's channel cannot count them itself).</summary>
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public ValueTask EnqueueAsync(IQueued queued, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            return _queue.Writer.WriteAsync(queued, cancellationToken);
        }

        private async Task RunAsync()
        {
            var batch = new List<IQueued>(_batch);
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < _batch && _queue.Reader.TryRead(out var queued))
                {
                    Interlocked.Decrement(ref _waiting);
                    batch.Add(queued);
                }

                await RunBatchAsync(batch);
            }
        }

        private async Task RunBatchAsync(List<IQueued> batch)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var answers = await WriteBatchAsync(batch);
                    _figures.Committed(batch.Count);
                    foreach (var (queued, answer) in answers)
                    {
                        queued.Complete(answer);
                    }

                    return;
                }
                catch (Exception ex) when (attempt == 1 && IsDeadlock(ex))
                {
                    // Two partitions took the same rows in opposite orders: decide the batch again, once.
                    await RestartAsync();
                }
                catch (Exception ex)
                {
                    LogBatchFailed(ex, batch.Count);
                    foreach (var queued in batch)
                    {
                        queued.Fail(ex);
                    }

                    await RestartAsync();
                    return;
                }
            }
        }

        private async Task<OneStopDbContext> OpenAsync()
        {
            if (_db is not null)
            {
                return _db;
            }

            LockSqliteFile();
            var db = OneStopDatabase.CreateContext(_options.Provider, WriterConnectionString(_options));
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            if (_options.Provider == StorageProvider.Sqlite)
            {
                // Full durability on every commit; savepoints' journals in memory (they cost a third otherwise).
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;");
            }

            if (_options.Provider != StorageProvider.SqlServer)
            {
                _statements = new BatchStatements(connection, _options.Provider);
            }

            return _db = db;
        }

        /// <summary>
        /// The store's connection string, and on PostgreSQL the writer's statement batches prepared on the server
        /// once each shape has been seen twice (Npgsql's automatic preparation), unless the operator set it.
        /// </summary>
        private static string WriterConnectionString(OneStopOptions options)
        {
            if (options.Provider != StorageProvider.Postgres)
            {
                return options.ConnectionString;
            }

            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 64;
            }

            return builder.ConnectionString;
        }

        /// <summary>
        /// One writer process per SQLite file: a second one fails at once with a message, instead of waiting on the
        /// file's lock and timing out its clerks.
        /// </summary>
        private void LockSqliteFile()
        {
            if (_options.Provider != StorageProvider.Sqlite || _writerLock is not null)
            {
                return;
            }

            var builder = new SqliteConnectionStringBuilder(_options.ConnectionString);
            if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            {
                return;
            }

            var path = Path.GetFullPath(builder.DataSource) + ".writer";
            try
            {
                _writerLock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(
                    $"Another process is writing cases to {builder.DataSource} (it holds {path}). A SQLite file has "
                    + "one writer process: stop it, or give this one another file or PostgreSQL.", ex);
            }
        }

        private async Task RestartAsync()
        {
            _cache.Clear();
            _statements?.Use(null);
            if (_statements is not null)
            {
                await _statements.DisposeAsync();
                _statements = null;
            }

            if (_db is not null)
            {
                await _db.DisposeAsync();
                _db = null;
            }
        }

        private static bool IsConflict(Exception ex) => ex switch
        {
            ConcurrencyConflictException => true,
            SqliteException { SqliteErrorCode: 19 } => true,
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
            _ => false,
        };

        private static bool IsDeadlock(Exception ex) => ex is PostgresException
        {
            SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        };

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _loop;
            await RestartAsync();
            if (_writerLock is not null)
            {
                await _writerLock.DisposeAsync();
            }
        }

        [LoggerMessage(Level = LogLevel.Error,
            Message = "A batch of {Commands} case command(s) failed to commit; each caller is told, nothing was kept.")]
        private partial void LogBatchFailed(Exception exception, int commands);
    }
}
