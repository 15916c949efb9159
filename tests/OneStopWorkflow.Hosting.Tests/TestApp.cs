using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Scanning;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests;

/// <summary>
/// The application layer over a real database, configured as the web app configures it, on a fake clock.
/// Each call runs in its own scope as a given person, the way each web request does.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(ServiceProvider services, FakeTimeProvider clock, TestDatabase database)
    {
        Services = services;
        Clock = clock;
        Database = database;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public TestDatabase Database { get; }

    public static async Task<TestApp> StartAsync(
        TestDatabase database, DateTimeOffset now, Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(now);
        var services = Build(database, clock, settings);
        await services.GetRequiredService<OneStopInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        return new TestApp(services, clock, database);
    }

    public static ServiceProvider Build(
        TestDatabase database, TimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:OneStop"] = database.ConnectionString,
            ["OneStop:ProceduresFolder"] = Repository.PathOf("procedures"),
            ["OneStop:Scanner:Enabled"] = "false",
            ["OneStop:EResults:Enabled"] = "false",
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddOneStopWorkflow(configuration);

        // Users as the web host keeps them (its password and lockout rules), for the account requests.
        services.AddIdentityCore<UserRow>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OneStopDbContext>();
        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async Task<TResponse> AsAsync<TResponse>(Actor? actor, Func<IMediator, ValueTask<TResponse>> call)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return await call(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    public Task<CaseResult> SendAsync(Actor? actor, ICommand<CaseResult> command) =>
        AsAsync(actor, m => m.Send(command, TestContext.Current.CancellationToken));

    /// <summary>Receives a complete land-use-transfer dossier at Lê Chân now and returns the case.</summary>
    public async Task<CaseView> ReceiveLandTransferAsync(Actor? clerk = null)
    {
        var result = await SendAsync(clerk ?? People.ClerkLeChan,
            new ReceiveCase("land-use-transfer", "HP.LECHAN") {
                Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
            });
        Assert.False(result.IsRejected, string.Join("; ", result.Rejections));
        return result.Case!;
    }

    public DeadlineScanner Scanner(string name) =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), Clock,
            Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OneStopOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DeadlineScanner>.Instance) { Name = name };

    public OneStopDbContext Db() => Database.CreateContext();

    /// <summary>
    /// The lookup secret as the citizen has it: printed on the case's receipt. The store keeps only its hash.
    /// </summary>
    public async Task<string> SecretOnReceiptAsync(string caseId)
    {
        await using var db = Db();
        var receipt = await db.Documents.Where(d => d.CaseId == caseId && d.Form == "01")
            .OrderByDescending(d => d.EventSequence).Select(d => d.Content)
            .FirstAsync(TestContext.Current.CancellationToken);
        var secret = System.Text.RegularExpressions.Regex.Match(receipt, "mã tra cứu <strong>([0-9a-f]{8})</strong>");
        Assert.True(secret.Success, "The receipt prints no lookup secret.");
        return secret.Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static async Task<TestDatabase> DatabaseAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres && TestDatabase.PostgresMissing() is { } missing)
        {
            Assert.False(TestDatabase.PostgresRequired, $"PostgreSQL is required here: {missing}");
            Assert.Skip(missing);
        }

        return await TestDatabase.CreateAsync(provider);
    }
}
