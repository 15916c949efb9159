using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Tests.Accounts;

/// <summary>
/// The real app with the real sign-in limits, whose cookies, tokens and session checks run on a fake clock, whose
/// password hasher counts what it verifies, and which takes each request's IP address from the test's
/// <see cref="AddressHeader"/>, so tests can stand for several callers.
/// </summary>
public sealed partial class GuardedApp : WebApplicationFactory<Program>
{
    public const string AddressHeader = "X-Test-Address";

    public const string Password = "Mat-khau-2026";

    private static readonly Actor Admin = new("admin", [new Membership("HP", Roles.Admin)]);

    private readonly TestDatabase _database = TestDatabase.NewSqlite();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AppFactory.UseDemoApp(builder, _database);
        builder.ConfigureTestServices(services =>
        {
            services.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = Clock);
            services.PostConfigureAll<BearerTokenOptions>(o => o.TimeProvider = Clock);
            services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
            services.AddSingleton<IPasswordHasher<UserRow>>(Hasher);
            services.AddSingleton<IStartupFilter, AddressFromHeader>();
        });
    }

    /// <summary>A new user with a clerk's membership at Lê Chân and <see cref="Password"/>.</summary>
    public async Task NewClerkAsync(string userName)
    {
        Assert.False((await AsAdminAsync(new CreateUser(userName, "Nguyễn Thị Thử", Password))).IsRejected);
        Assert.False((await AsAdminAsync(new AddMembership(userName, "HP.LECHAN", Roles.Clerk))).IsRejected);
    }

    public async Task<AccountResult> AsAdminAsync(ICommand<AccountResult> command)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Admin;
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(command, TestContext.Current.CancellationToken);
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<UserRow>, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>());
    }

    /// <summary>A client that follows no redirect and keeps no cookie, from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password) =>
        await client.PostAsJsonAsync("/api/token", new { userName, password }, TestContext.Current.CancellationToken);

    /// <summary>The access and refresh token of a sign-in that must succeed.</summary>
    public static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>
    /// Posts the sign-in form as a browser would (the antiforgery cookie and token of the sign-in page) and returns
    /// the answer, which sets the sign-in cookie on success.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetAsync("/login", ct);
        var token = VerificationToken().Match(await page.Content.ReadAsStringAsync(ct)).Groups[1].Value;
        using var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = token, ["username"] = userName, ["password"] = password,
                ["returnUrl"] = "",
            }),
        };
        form.Headers.Add("Cookie", CookiesOf(page));
        return await client.SendAsync(form, ct);
    }

    /// <summary>The sign-in cookie of a sign-in that must succeed, as a <c>Cookie</c> header value.</summary>
    public static async Task<string> SignInCookieAsync(HttpClient client, string userName)
    {
        var response = await PostSignInAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = CookiesOf(response);
        Assert.StartsWith("onestop=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    /// <summary>Posts the sign-out form of a page <paramref name="cookie"/> opens, as the browser would.</summary>
    public static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient client, string cookie)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await GetAsync(client, "/inbox", cookie);
        var token = VerificationToken().Match(await page.Content.ReadAsStringAsync(ct)).Groups[1].Value;
        using var form = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = token,
            }),
        };
        form.Headers.Add("Cookie", $"{cookie}; {CookiesOf(page)}");
        return await client.SendAsync(form, ct);
    }

    /// <summary>The <c>Set-Cookie</c> values of a response as one <c>Cookie</c> header.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')) : []);

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? cookie = null,
        string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();

    /// <summary>Takes the caller's address from <see cref="AddressHeader"/>, before anything else runs.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(http);
            });
            next(app);
        };
    }
}
