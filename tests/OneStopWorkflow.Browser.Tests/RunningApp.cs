using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// The web app on Kestrel on a free loopback port, in Development (demo users), over a fresh SQLite file, the way
/// the README runs it. Its log is kept for failure messages. Stopped when the tests end.
/// </summary>
public class RunningApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.NewSqlite();
    private readonly AppLog _log = new();

    public RunningApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The address Kestrel listens on, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Log => _log.Text;

    /// <summary>Settings a journey's own app adds to the ones every app has.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public virtual ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:OneStop", _database.ConnectionString);
        builder.UseSetting("OneStop:ProceduresFolder", Repository.PathOf("procedures"));
        builder.UseSetting("OneStop:Scanner:Enabled", "false");
        builder.UseSetting("OneStop:EResults:Enabled", "false");
        builder.UseSetting("OneStop:DemoData", "true");

        // Development sends mail to localhost:2525; a journey that reads mail starts its own server (see Settings).
        builder.UseSetting("OneStop:Mail:Enabled", "false");

        // The journeys sign the same demo users in many times a minute, from one address.
        builder.UseSetting("OneStop:SignInLimits:PerAddress", "100000");
        builder.UseSetting("OneStop:SignInLimits:PerUserName", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(_log));
    }

    public override async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await base.DisposeAsync();
        _log.Dispose();
        await _database.DisposeAsync();
    }
}
