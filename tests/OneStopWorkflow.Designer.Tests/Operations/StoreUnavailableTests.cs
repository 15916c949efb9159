using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace OneStopWorkflow.Designer.Tests.Operations;

/// <summary>
/// A database that cannot do its part answers 503 with Retry-After and a ProblemDetails in the caller's language,
/// never a 500, and the app serves again by itself once it can: here another process holds SQLite's write lock
/// (the app waits one second for it), as a backup or a long repair would.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class StoreUnavailableTests : IAsyncLifetime
{
    private static readonly object LandTransfer = new
    {
        procedure = "land-use-transfer", unit = "HP.LECHAN",
        fields = new Dictionary<string, string>(LandTransferFields.Complete),
        components = LandTransferFields.ComponentsJson,
    };

    private readonly TestDatabase _database = TestDatabase.NewSqlite();
    private readonly LockedApp _app;

    public StoreUnavailableTests() => _app = new LockedApp(_database);

    [Theory]
    [InlineData("vi", "Hiện không kết nối được cơ sở dữ liệu")]
    [InlineData("en", "The database cannot be reached just now")]
    public async Task A_receipt_while_the_database_is_locked_is_refused_with_503_and_retry_after(
        string language, string words)
    {
        var client = await ClerkAsync();
        await using var holder = await HoldWriteLockAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var response = await client.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("store-unavailable", problem.GetProperty("code").GetString());
        Assert.StartsWith(words, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipts_are_taken_again_once_the_lock_is_released_and_the_refused_one_left_nothing()
    {
        var client = await ClerkAsync();
        var before = await CountCasesAsync();
        await using (await HoldWriteLockAsync())
        {
            var refused = await client.PostAsJsonAsync("/api/cases", LandTransfer,
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        var afterRefusal = await CountCasesAsync();
        var taken = await client.PostAsJsonAsync("/api/cases", LandTransfer, TestContext.Current.CancellationToken);

        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    private Task<HttpClient> ClerkAsync() => _app.ClientAsAsync("clerk.lechan");

    /// <summary>
    /// Another connection takes the write lock and keeps it until disposed (not pooled, so that closing it ends the
    /// transaction).
    /// </summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private async Task<long> CountCasesAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM cases";
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The demo app over the test file, waiting one second (not thirty) for SQLite's lock.</summary>
    private sealed class LockedApp(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            AppFactory.UseDemoApp(builder, database);
            builder.UseSetting("ConnectionStrings:OneStop", database.ConnectionString + ";Default Timeout=1");
            builder.UseSetting("OneStop:SignInLimits:PerAddress", "100000");
            builder.UseSetting("OneStop:SignInLimits:PerUserName", "100000");
        }

        public async Task<HttpClient> ClientAsAsync(string user)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await client.PostAsJsonAsync(
                "/api/token", new { userName = user, password = Demo.DemoData.Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken")
                .GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
