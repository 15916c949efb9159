using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>
/// The real app over a fresh SQLite file, with the catalog and the Development demo users, in memory.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Classes that start the app share one collection: they run one at a time, so EF Core never builds the same
    /// model from two threads at once (which it does not support).
    /// </summary>
    public const string Collection = "app";

    private readonly TestDatabase _database = TestDatabase.NewSqlite();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UseDemoApp(builder, _database);

        // These tests sign the same demo users in many times a minute; SignInTests keeps the real limits.
        builder.UseSetting("OneStop:SignInLimits:PerAddress", "100000");
        builder.UseSetting("OneStop:SignInLimits:PerUserName", "100000");
    }

    /// <summary>The app as the README runs it in Development, over <paramref name="database"/>.</summary>
    internal static void UseDemoApp(IWebHostBuilder builder, TestDatabase database)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:OneStop", database.ConnectionString);
        builder.UseSetting("OneStop:ProceduresFolder", Repository.PathOf("procedures"));
        builder.UseSetting("OneStop:Scanner:Enabled", "false");
        builder.UseSetting("OneStop:EResults:Enabled", "false");
        builder.UseSetting("OneStop:DemoData", "true");
    }

    public async Task<HttpClient> ClientAsAsync(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is null)
        {
            return client;
        }

        var response = await client.PostAsJsonAsync(
            "/api/token", new { userName = user, password = Demo.DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken);
}
