using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Startup;

/// <summary>
/// Brings the store up to date on start: creates or migrates the database, then imports the catalog folder.
/// </summary>
public sealed partial class OneStopInitializer(
    IServiceScopeFactory scopes, ProcedureCatalog catalog, IOptions<OneStopOptions> options,
    ILogger<OneStopInitializer> logger)
    : IHostedService
{
    private Task<IReadOnlyList<PublishOutcome>>? _done;

    /// <summary>Runs once per process: later calls return the first run's outcomes.</summary>
    public Task<IReadOnlyList<PublishOutcome>> InitializeAsync(CancellationToken cancellationToken) =>
        _done ??= RunAsync(cancellationToken);

    /// <summary>
    /// Initializes, and refuses to go on when the database cannot be reached or the catalog has an error: the
    /// exception's message says which, naming the files, so an operator sees why the app did not start.
    /// </summary>
    public async Task InitializeOrThrowAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PublishOutcome> outcomes;
        try
        {
            outcomes = await InitializeAsync(cancellationToken);
        }
        catch (Exception ex)
            when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Cannot open the {options.Value.Provider} database ({Redacted(options.Value.ConnectionString)}): "
                + $"{ex.Message} "
                + "Check Storage:Provider and ConnectionStrings:OneStop.", ex);
        }

        var (_, catalogDiagnostics) = await catalog.ContextWithDiagnosticsAsync(cancellationToken);
        var errors = catalogDiagnostics.Where(d => d.IsError).Select(d => d.ToString())
            .Concat(outcomes.Where(o => o.IsRefused).Select(o => o.ToString())).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The procedure catalog in {catalog.Folder.Root} has {errors.Count} problem(s); "
                + "fix them and start again:\n"
                + string.Join("\n", errors));
        }
    }

    private static string Redacted(string connectionString) =>
        System.Text.RegularExpressions.Regex.Replace(connectionString, "(?i)(password|pwd)=[^;]*", "$1=***");

    private async Task<IReadOnlyList<PublishOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await OneStopDatabase.MigrateAsync(db, cancellationToken);
        if (!options.Value.ImportCatalog)
        {
            return [];
        }

        var (_, diagnostics) = await catalog.ContextWithDiagnosticsAsync(cancellationToken);
        foreach (var diagnostic in diagnostics)
        {
            LogCatalogDiagnostic(diagnostic.ToString());
        }

        var outcomes = await scope.ServiceProvider.GetRequiredService<CatalogImporter>().ImportAsync(cancellationToken);
        foreach (var outcome in outcomes)
        {
            if (outcome.IsRefused)
            {
                LogRefused(outcome.Path, outcome.Message);
            }
            else
            {
                LogImported(outcome.Path, outcome.Message);
            }
        }

        return outcomes;
    }

    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog: {Diagnostic}")]
    private partial void LogCatalogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog import of {Path} {Message}")]
    private partial void LogRefused(string path, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog import of {Path}: {Message}")]
    private partial void LogImported(string path, string message);
}
