using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Startup;

/// <summary>Brings the store up to date on start: creates or migrates the database, then imports the catalog folder.</summary>
public sealed partial class OneStopInitializer(
    IServiceScopeFactory scopes, ProcedureCatalog catalog, IOptions<OneStopOptions> options, ILogger<OneStopInitializer> logger)
    : IHostedService
{
    public async Task<IReadOnlyList<PublishOutcome>> InitializeAsync(CancellationToken cancellationToken)
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
