using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Seeding;

namespace OneStopWorkflow.Cli.Composition;

/// <summary>
/// The application layer for the CLI, configured like the web app: appsettings.json in the working folder and the
/// standard environment variables (Storage__Provider, ConnectionStrings__OneStop), plus the bulk loader of seed and
/// bench. Logs go to stderr, warnings up.
/// </summary>
internal static class StoreHost
{
    public static IHost Build(string? proceduresFolder, TimeProvider? time)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Environment.CurrentDirectory, Args = [],
        });
        var overrides = new Dictionary<string, string?>
        {
            ["OneStop:Scanner:Enabled"] = "false", ["OneStop:EResults:Enabled"] = "false",
        };
        if (proceduresFolder is not null)
        {
            overrides["OneStop:ProceduresFolder"] = proceduresFolder;
        }
        else
        {
            overrides["OneStop:ImportCatalog"] = "false";
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.TryAddSingleton(time);
        }

        builder.Services.AddOneStopWorkflow(builder.Configuration);
        builder.Services.AddSingleton<BulkLoader>();
        return builder.Build();
    }
}
