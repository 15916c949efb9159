using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Scanning;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Scanning;

/// <summary>
/// Finds cases whose time-driven work is due (an indexed query on next_due_at), claims them with a lease in the
/// database and ticks each one. Any number of scanners may run against one database: the lease keeps them apart,
/// and the escalation claims and the case version make each escalation happen exactly once.
/// </summary>
public sealed partial class DeadlineScanner(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<OneStopOptions> options, ILogger<DeadlineScanner> logger)
    : BackgroundService
{
    private readonly ScannerOptions _options =
        options.Value.Scanner with { Batch = Math.Max(1, options.Value.Scanner.Batch) };

    /// <summary>This scanner's name in leases and on the trail's escalation claims.</summary>
    public string Name { get; init; } = $"scanner/{Environment.MachineName}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Scans until no due case is left unclaimed; returns how many cases were ticked.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var ticked = 0;
        while (true)
        {
            IReadOnlyList<string> claimed;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
                claimed = await ScanLeases.ClaimAsync(
                    db, Name, time.GetUtcNow(), _options.Lease, _options.Batch, cancellationToken);
            }

            // The claimed cases are ticked at once: the case writer takes them into a few batches, one durable
            // commit each, instead of one commit a case (a day's backlog is thousands of cases).
            await Task.WhenAll(claimed.Select(caseId => TickAsync(caseId, cancellationToken)));
            ticked += claimed.Count;

            if (claimed.Count < _options.Batch)
            {
                return ticked;
            }
        }
    }

    private async Task TickAsync(string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var pipeline = scope.ServiceProvider.GetRequiredService<CasePipeline>();
                var outcome = await pipeline.TickAsync(caseId, Name, cancellationToken);
                if (outcome.IsRejected)
                {
                    // Nothing was judged: try again later rather than step past the escalations that are due.
                    LogTickRefused(caseId, string.Join("; ", outcome.Rejections));
                    await pipeline.PostponeAsync(
                        caseId, time.GetUtcNow() + CasePipeline.RetryAfterRefusedTick, cancellationToken);
                    return;
                }

                LogTicked(caseId, outcome.Events);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // A clerk acted on the case meanwhile: read it again and tick what is still due.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken case must not hold up the others: log it, and give it back later.
                LogTickFailed(ex, caseId);
                await using var retry = scopes.CreateAsyncScope();
                await retry.ServiceProvider.GetRequiredService<CasePipeline>()
                    .PostponeAsync(caseId, time.GetUtcNow() + CasePipeline.RetryAfterRefusedTick, cancellationToken);
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, time);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScanFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticked case {CaseId}: {Events} event(s).")]
    private partial void LogTicked(string caseId, int events);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The tick of case {CaseId} was refused ({Reasons}); it is retried later.")]
    private partial void LogTickRefused(string caseId, string reasons);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticking case {CaseId} failed; it is retried later.")]
    private partial void LogTickFailed(Exception exception, string caseId);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "A deadline scan failed; the next scan retries, and expired leases are taken again.")]
    private partial void LogScanFailed(Exception exception);
}
