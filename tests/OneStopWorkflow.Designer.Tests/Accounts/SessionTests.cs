using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Designer.Accounts;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Persistence.Accounts;
using static OneStopWorkflow.Designer.Tests.Accounts.GuardedApp;

namespace OneStopWorkflow.Designer.Tests.Accounts;

/// <summary>
/// Rights end when they are removed (issue 16): a cookie, a bearer token, a refresh token and an open circuit are
/// checked against the account again within a minute of the fake clock, never later.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class SessionTests(GuardedApp app) : IClassFixture<GuardedApp>
{
    private const string Inbox = "/api/inbox/HP.LECHAN";

    private static readonly TimeSpan JustOverAMinute = TimeSpan.FromSeconds(61);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_a_membership_refuses_the_old_cookie_and_the_old_token_within_a_minute()
    {
        await app.NewClerkAsync("clerk.removed");
        var client = app.From("10.1.0.1");
        var cookie = await SignInCookieAsync(client, "clerk.removed");
        var (token, _) = await TokensAsync(await TokenAsync(client, "clerk.removed", Password));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/inbox", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Inbox, bearer: token)).StatusCode);

        Assert.False((await app.AsAdminAsync(new RemoveMembership("clerk.removed", "HP.LECHAN", "clerk"))).IsRejected);
        app.Clock.Advance(JustOverAMinute);

        var page = await GetAsync(client, "/inbox", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, bearer: token)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_refuses_the_old_cookie_sent_again()
    {
        await app.NewClerkAsync("clerk.signs-out");
        var client = app.From("10.1.0.2");
        var cookie = await SignInCookieAsync(client, "clerk.signs-out");

        var signedOut = await PostSignOutAsync(client, cookie);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        app.Clock.Advance(JustOverAMinute);

        var page = await GetAsync(client, "/inbox", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_locked_account_s_token_and_refresh_token_stop_working()
    {
        await app.NewClerkAsync("clerk.locked-out");
        var client = app.From("10.1.0.3");
        var (token, refresh) = await TokensAsync(await TokenAsync(client, "clerk.locked-out", Password));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Inbox, bearer: token)).StatusCode);

        // Five failures lock the account, as five wrong passwords over the limits' windows would.
        Assert.True(await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync("clerk.locked-out"))!;
            for (var i = 0; i < users.Options.Lockout.MaxFailedAccessAttempts; i++)
            {
                await users.AccessFailedAsync(user);
            }

            return await users.IsLockedOutAsync(user);
        }));
        app.Clock.Advance(JustOverAMinute);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, bearer: token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, refresh)).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_or_resetting_its_password_ends_its_tokens_within_a_minute()
    {
        await app.NewClerkAsync("clerk.disabled");
        await app.NewClerkAsync("clerk.reset");
        var client = app.From("10.1.0.4");
        var (disabled, _) = await TokensAsync(await TokenAsync(client, "clerk.disabled", Password));
        var (reset, _) = await TokensAsync(await TokenAsync(client, "clerk.reset", Password));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Inbox, bearer: disabled)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Inbox, bearer: reset)).StatusCode);

        Assert.False((await app.AsAdminAsync(new DisableUser("clerk.disabled"))).IsRejected);
        Assert.False((await app.AsAdminAsync(new ResetPassword("clerk.reset", "Mat-khau-moi-2026"))).IsRejected);
        app.Clock.Advance(JustOverAMinute);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, bearer: disabled)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, bearer: reset)).StatusCode);
    }

    [Fact]
    public async Task A_token_lives_fifteen_minutes_and_refresh_renews_it_until_the_membership_is_removed()
    {
        await app.NewClerkAsync("clerk.refreshes");
        var client = app.From("10.1.0.5");
        var signedIn = await (await TokenAsync(client, "clerk.refreshes", Password))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(15 * 60, signedIn.GetProperty("expiresIn").GetInt32());
        var (token, refresh) = (signedIn.GetProperty("accessToken").GetString()!,
            signedIn.GetProperty("refreshToken").GetString()!);

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, bearer: token)).StatusCode);
        var (renewed, renewedRefresh) = await TokensAsync(await RefreshAsync(client, refresh));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Inbox, bearer: renewed)).StatusCode);

        Assert.False(
            (await app.AsAdminAsync(new RemoveMembership("clerk.refreshes", "HP.LECHAN", "clerk"))).IsRejected);
        var refused = await RefreshAsync(client, renewedRefresh);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sign-in-failed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_open_circuit_loses_its_access_when_the_membership_is_removed()
    {
        await app.NewClerkAsync("clerk.circuit");
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserRow>>();
        var principal = await signIn.CreateUserPrincipalAsync(
            (await signIn.UserManager.FindByNameAsync("clerk.circuit"))!);
        var circuit = Assert.IsType<CircuitSessionState>(
            scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await circuit.IsCurrentAsync(principal));

        Assert.False((await app.AsAdminAsync(new RemoveMembership("clerk.circuit", "HP.LECHAN", "clerk"))).IsRejected);

        Assert.False(await circuit.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task The_api_takes_no_sign_in_cookie_so_a_same_site_form_cannot_act_as_the_user()
    {
        await app.NewClerkAsync("clerk.cookie-api");
        var client = app.From("10.1.0.6");
        var cookie = await SignInCookieAsync(client, "clerk.cookie-api");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/reception/HP.LECHAN/tickets")
        {
            Content = new FormUrlEncodedContent([]),
        };
        post.Headers.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, Inbox, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(post, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/inbox", cookie)).StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task The_blazor_hub_takes_connections_from_the_app_s_own_origin_only(
        string origin, HttpStatusCode expected)
    {
        var client = app.From("10.1.0.7");
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", origin);

        Assert.Equal(expected, (await client.SendAsync(negotiate, Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        await client.PostAsJsonAsync("/api/token/refresh", new { refreshToken }, Ct);
}
