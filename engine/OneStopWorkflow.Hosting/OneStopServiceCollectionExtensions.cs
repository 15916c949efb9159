using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Scanning;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting;

public static class OneStopServiceCollectionExtensions
{
    /// <summary>
    /// The application layer: the store on the configured provider, Mediator commands and queries, the catalog
    /// import on start and the deadline scanner. Reads <c>Storage:Provider</c>, <c>ConnectionStrings:OneStop</c>
    /// and the <c>OneStop</c> section (ProceduresFolder, ImportCatalog, PublicLookupUrl, Scanner).
    /// </summary>
    public static IServiceCollection AddOneStopWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(options));
        var contexts = OneStopDatabase.CreatePool(options.Provider, options.ConnectionString);
        services.AddScoped(_ => contexts());
        services.AddSingleton<ProcedureCatalog>();
        services.AddScoped<ActorAccessor>();
        services.AddSingleton<Writing.CaseWriter>();
        services.AddScoped<CasePipeline>();
        services.AddScoped<CaseDetailsReader>();
        services.AddScoped<Lookup.DossierLookup>();
        services.AddSingleton<Lookup.LookupLimiter>();
        services.AddSingleton<Online.SubmissionLimiter>();
        services.AddScoped<Online.ScanIntake>();
        services.AddScoped<VersionPublisher>();
        services.AddScoped<CatalogImporter>();
        services.AddScoped<MembershipDirectory>();
        services.AddScoped<StoreProbe>();
        services.AddScoped<AuditScope>();
        services.AddScoped<PublicCatalog.PublishedProcedures>();
        services.AddSingleton<OneStopInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<OneStopInitializer>());
        services.AddSingleton<DeadlineScanner>();
        if (options.Scanner.Enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<DeadlineScanner>());
        }

        services.AddMediator();

        // The one access check, before every handler (the generated mediator resolves behaviours from the container).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AccessBehaviour<,>));
        services.AddScoped(typeof(IStreamPipelineBehavior<,>), typeof(StreamAccessBehaviour<,>));
        return services;
    }

    public static OneStopOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = (configuration["Storage:Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => StorageProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => StorageProvider.Postgres,
            "sqlserver" or "mssql" => StorageProvider.SqlServer,
            var other => throw new InvalidOperationException(
                $"Storage:Provider '{other}' is not known; use sqlite, postgres or sqlserver."),
        };
        var section = configuration.GetSection("OneStop");
        var defaults = new OneStopOptions();
        var connection = configuration.GetConnectionString("OneStop");
        if (provider != StorageProvider.Sqlite && string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                $"Storage:Provider is {provider} but ConnectionStrings:OneStop is empty; "
                + "set it (e.g. ConnectionStrings__OneStop).");
        }

        return defaults with
        {
            Provider = provider,
            ConnectionString = string.IsNullOrWhiteSpace(connection) ? defaults.ConnectionString : connection,
            ProceduresFolder = section["ProceduresFolder"] ?? defaults.ProceduresFolder,
            ImportCatalog = section.GetValue("ImportCatalog", defaults.ImportCatalog),
            PublicLookupUrl = Lookup.PublicLookup.Read(section["PublicLookupUrl"]),
            Writer = defaults.Writer with
            {
                Batch = section.GetValue("Writer:Batch", defaults.Writer.Batch),
                CachedCases = section.GetValue("Writer:CachedCases", defaults.Writer.CachedCases),
                Partitions = section.GetValue("Writer:Partitions", defaults.Writer.Partitions),
            },
            Scanner = defaults.Scanner with
            {
                Enabled = section.GetValue("Scanner:Enabled", defaults.Scanner.Enabled),
                Interval = section.GetValue("Scanner:Interval", defaults.Scanner.Interval),
                Lease = section.GetValue("Scanner:Lease", defaults.Scanner.Lease),
                Batch = section.GetValue("Scanner:Batch", defaults.Scanner.Batch),
            },
        };
    }
}
