using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Files;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// Files the electronic results, off the path of the command that finished the case: finds resolved cases of a
/// version with a <c>result</c> and no e-result on their trail, renders the result document as the case stood at its
/// end, prints it to PDF, stores the file and appends e-result-issued through the case writer (a system command the
/// engine refuses once filed, so two filers never file twice; the loser's file is removed). A file stored by a pass
/// that died before its event is filed by the next pass. Where Chromium is missing the cases wait, the problem is
/// logged once and shown as <see cref="Problem"/>, and each pass tries again.
/// </summary>
public sealed partial class EResultFiler(
    IServiceScopeFactory scopes, PdfPrinter printer, IOptions<OneStopOptions> options, ILogger<EResultFiler> logger)
    : BackgroundService
{
    private readonly OneStopOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);
    private volatile FilerProblem? _problem;

    /// <summary>The filer's name on the trail and in the writer's figures.</summary>
    public string Name { get; init; } = $"e-results/{Environment.MachineName}";

    public const string MediaType = "application/pdf";

    /// <summary>Why e-results are not being filed now (Chromium missing, a case failing); null when fine.</summary>
    public FilerProblem? Problem => _problem;

    /// <summary>The name a case's e-result is downloaded under.</summary>
    public static string FileNameOf(string dossierCode) => $"ket-qua-{dossierCode}.pdf";

    /// <summary>One pass: files every e-result due now; returns how many were filed.</summary>
    public async Task<int> FileOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> due;
        DateTimeOffset now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            due = await DueAsync(scope.ServiceProvider, now, cancellationToken);
        }

        var (filed, failed) = (0, 0);
        foreach (var chunk in due.Where(id => !_retryAt.TryGetValue(id, out var at) || at <= now)
                     .Chunk(Math.Max(1, _options.EResults.Concurrency)))
        {
            try
            {
                var results = await Task.WhenAll(chunk.Select(id => TryFileAsync(id, now, cancellationToken)));
                filed += results.Count(r => r == Filing.Filed);
                failed += results.Count(r => r == Filing.Failed);
            }
            catch (PdfPrinterUnavailableException ex)
            {
                // No case can be printed until Chromium is there: stop the pass, try again at the next.
                Report(new FilerProblem(ex.Message, now, due.Count));
                return filed;
            }
        }

        if (failed == 0 && _problem is not null)
        {
            LogRecovered(filed);
            _problem = null;
        }

        return filed;
    }

    private enum Filing
    {
        Filed,
        NotDue,
        Failed,
    }

    /// <summary>One case; one that fails alone is logged and waits <see cref="EResultOptions.RetryAfter"/>.</summary>
    private async Task<Filing> TryFileAsync(string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await FileCaseAsync(caseId, cancellationToken) ? Filing.Filed : Filing.NotDue;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or PdfPrinterUnavailableException))
        {
            _retryAt[caseId] = now + _options.EResults.RetryAfter;
            LogCaseFailed(ex, caseId);
            Report(new FilerProblem(ex.Message, now, 1));
            return Filing.Failed;
        }
    }

    /// <summary>
    /// The resolved cases of every version with a result that have no e-result yet, oldest first. The store narrows
    /// them down; the engine says for each whether one is due (<see cref="EResultDue.IsDue"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>> DueAsync(
        IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        var catalog = services.GetRequiredService<ProcedureCatalog>();
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status != ProcedureVersionStatus.Draft)
            .Select(v => new { v.Code, v.Version }).ToListAsync(cancellationToken);
        var due = new List<string>();
        foreach (var v in versions)
        {
            LoadedVersion loaded;
            try
            {
                loaded = await catalog.VersionOfAsync(db, v.Code, v.Version, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A version that does not load has no case decided on it either; the others go on.
                LogVersionFailed(ex, v.Code, v.Version);
                continue;
            }

            if (loaded.Procedure.Result is null)
            {
                continue;
            }

            due.AddRange(await db.Cases.AsNoTracking()
                .Where(c => c.ProcedureCode == v.Code && c.ProcedureVersion == v.Version
                    && c.Status == CaseStatus.Finished && c.Outcome == nameof(Outcome.Resolved)
                    && !db.Events.Any(e => e.CaseId == c.Id && e.Type == EResultType))
                .OrderBy(c => c.FinishedAt).Select(c => c.Id).Take(Math.Max(1, _options.EResults.Batch))
                .ToListAsync(cancellationToken));
        }

        foreach (var gone in _retryAt.Where(p => p.Value <= now).Select(p => p.Key).ToList())
        {
            _retryAt.TryRemove(gone, out _);
        }

        return due;
    }

    private const string EResultType = "e-result-issued";

    /// <summary>Prints, stores and files one case's e-result; false when none was due after all.</summary>
    private async Task<bool> FileCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OneStopDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var stored = await new CaseStore(db).FindAsync(caseId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        var version = await services.GetRequiredService<ProcedureCatalog>()
            .VersionOfAsync(db, stored.Row, cancellationToken);
        if (!EResultDue.IsDue(version.Procedure, stored.State))
        {
            return false;
        }

        // A file a pass stored before it died is filed as it is, rather than printed again.
        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.CaseId == caseId && f.Kind == StoredFileKinds.EResult)
            .OrderByDescending(f => f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var isNew = file is null || StoredFiles.Sha256Of(file.Content) != file.Sha256;
        if (isNew)
        {
            var html = DocumentRenderer.RenderResult(
                version.At(now), stored.Events, PublicLookup.PageOf(_options));
            var pdf = await printer.PrintAsync(html, cancellationToken);
            file = StoredFiles.New(caseId, StoredFileKinds.EResult, FileNameOf(stored.State.DossierCode), MediaType,
                pdf, now);
            await StoredFiles.AddAsync(db, file, cancellationToken);
        }

        var command = new FileEResultCommand(version.Procedure.Result!.Document, file!.Id, file.Length, file.Sha256);
        var refused = await FileAsync(services, caseId, command, cancellationToken);
        if (refused is null)
        {
            LogFiled(caseId, stored.State.DossierCode, file.Length);
            _retryAt.TryRemove(caseId, out _);
            return true;
        }

        if (refused.Code == RejectionCodes.EResultFiled && isNew)
        {
            // Another filer was first: its file is the one on the trail.
            await db.StoredFiles.Where(f => f.Id == file.Id).ExecuteDeleteAsync(cancellationToken);
        }

        LogRefused(caseId, refused.Message);
        return false;
    }

    private async Task<Rejection?> FileAsync(
        IServiceProvider services, string caseId, FileEResultCommand command, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<CasePipeline>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pipeline.FileEResultAsync(caseId, command, Name, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Someone wrote to the case meanwhile (a rating does not, a tick may): decide it again.
            }
        }
    }

    private void Report(FilerProblem problem)
    {
        if (_problem?.Message != problem.Message)
        {
            LogProblem(problem.Message, problem.Waiting);
        }

        _problem = problem with { Since = _problem?.Since ?? problem.Since };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.EResults.Interval);
        do
        {
            try
            {
                await FileOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Filed the e-result of case {CaseId} ({DossierCode}): {Length} bytes.")]
    private partial void LogFiled(string caseId, string dossierCode, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The e-result of case {CaseId} was not filed: {Reason}")]
    private partial void LogRefused(string caseId, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "E-results cannot be filed: {Problem} {Waiting} case(s) wait; each pass tries again.")]
    private partial void LogProblem(string problem, int waiting);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "A pass of the e-result filer failed; its cases are retried later.")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Filing the e-result of case {CaseId} failed; it is retried later.")]
    private partial void LogCaseFailed(Exception exception, string caseId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Procedure {Code} v{Version} did not load; the e-result filer skips its cases.")]
    private partial void LogVersionFailed(Exception exception, string code, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-results are filed again ({Filed} in this pass).")]
    private partial void LogRecovered(int filed);
}

/// <summary>Why e-results are not filed: the message, since when, and how many cases were waiting.</summary>
public sealed record FilerProblem(string Message, DateTimeOffset Since, int Waiting);
