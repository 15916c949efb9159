using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static OneStopWorkflow.Designer.Tests.Accounts.GuardedApp;

namespace OneStopWorkflow.Designer.Tests.Accounts;

/// <summary>
/// Sign-in tells nothing (issue 16): an unknown user, a wrong password and a locked account answer alike and cost
/// one password hash each; attempts are limited per address and per user name before any password is checked.
/// </summary>
[Collection(AppFactory.Collection)]
public sealed class SignInTests(GuardedApp app) : IClassFixture<GuardedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_token_endpoint_answers_an_unknown_user_a_wrong_password_and_a_locked_account_alike()
    {
        await app.NewClerkAsync("clerk.wrong");
        await LockedClerkAsync("clerk.locked");

        var unknown = await TokenAsync(app.From("10.2.0.1"), "nobody.here", Password);
        var wrong = await TokenAsync(app.From("10.2.0.2"), "clerk.wrong", "Sai-mat-khau-1");
        var locked = await TokenAsync(app.From("10.2.0.3"), "clerk.locked", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((unknown.StatusCode, await BodyAsync(unknown)), (wrong.StatusCode, await BodyAsync(wrong)));
        Assert.Equal((unknown.StatusCode, await BodyAsync(unknown)), (locked.StatusCode, await BodyAsync(locked)));
        Assert.Contains("\"code\":\"sign-in-failed\"", await BodyAsync(unknown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody.there", "any-password-1")]
    [InlineData("clerk.hashed-wrong", "Sai-mat-khau-1")]
    [InlineData("clerk.hashed-locked", Password)]
    public async Task Every_refused_sign_in_costs_exactly_one_password_hash(string userName, string password)
    {
        await ClerkAsync("clerk.hashed-wrong");
        await LockedClerkAsync("clerk.hashed-locked");
        var before = app.Hasher.Verified;

        var response = await TokenAsync(app.From("10.2.0.4"), userName, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before + 1, app.Hasher.Verified);
    }

    [Fact]
    public async Task The_sign_in_form_answers_an_unknown_user_a_wrong_password_and_a_locked_account_alike()
    {
        await app.NewClerkAsync("clerk.form-wrong");
        await LockedClerkAsync("clerk.form-locked");

        var unknown = await PostSignInAsync(app.From("10.2.1.1"), "nobody.at-all", Password);
        var wrong = await PostSignInAsync(app.From("10.2.1.2"), "clerk.form-wrong", "Sai-mat-khau-1");
        var locked = await PostSignInAsync(app.From("10.2.1.3"), "clerk.form-locked", Password);

        Assert.Equal((HttpStatusCode.Redirect, "/login?error=failed&returnUrl="),
            (unknown.StatusCode, unknown.Headers.Location?.OriginalString));
        Assert.Equal(Answer(unknown), Answer(wrong));
        Assert.Equal(Answer(unknown), Answer(locked));
    }

    [Fact]
    public async Task Five_wrong_passwords_from_strangers_are_refused_before_they_lock_the_account()
    {
        await app.NewClerkAsync("clerk.target");
        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 5; i++)
        {
            answers.Add(await TokenAsync(app.From($"10.2.2.{i}"), "clerk.target", $"Doan-mo-{i}"));
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode).ToArray());
        var refused = answers[^1];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too-many-attempts", JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["code"]!
            .GetValue<string>());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var (locked, failures) = await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync("clerk.target"))!;
            return (await users.IsLockedOutAsync(user), await users.GetAccessFailedCountAsync(user));
        });
        Assert.Equal((false, 4), (locked, failures));
    }

    [Fact]
    public async Task One_address_trying_many_user_names_is_refused_after_twenty_attempts_a_minute()
    {
        var client = app.From("10.2.3.1");
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 21; i++)
        {
            answers.Add((await TokenAsync(client, $"guess.{i}", "Doan-mo-1")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 20), HttpStatusCode.TooManyRequests], answers);
        var form = await PostSignInAsync(client, "guess.22", "Doan-mo-1");
        Assert.Equal("/login?error=throttled&returnUrl=", form.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_sends_a_throttled_user_name_back_with_a_message_in_either_language()
    {
        await app.NewClerkAsync("clerk.form-throttled");
        for (var i = 1; i <= 4; i++)
        {
            await PostSignInAsync(app.From($"10.2.4.{i}"), "clerk.form-throttled", $"Doan-mo-{i}");
        }

        var client = app.From("10.2.4.9");
        var refused = await PostSignInAsync(client, "clerk.form-throttled", Password);

        Assert.Equal((HttpStatusCode.Redirect, "/login?error=throttled&returnUrl="),
            (refused.StatusCode, refused.Headers.Location?.OriginalString));
        var vietnamese = WebUtility.HtmlDecode(
            await (await GetAsync(client, "/login?error=throttled")).Content.ReadAsStringAsync(Ct));
        var english = WebUtility.HtmlDecode(await (await GetAsync(client, "/login?error=throttled",
            ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Đăng nhập quá nhiều lần", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Too many sign-in attempts", english, StringComparison.Ordinal);
    }

    /// <summary>A clerk of that name, made once for the cases of a theory.</summary>
    private async Task ClerkAsync(string userName)
    {
        if (await app.WithUsersAsync(users => users.FindByNameAsync(userName)) is null)
        {
            await app.NewClerkAsync(userName);
        }
    }

    /// <summary>A clerk locked out by five failures, as Identity counts them.</summary>
    private async Task LockedClerkAsync(string userName)
    {
        if (await app.WithUsersAsync(users => users.FindByNameAsync(userName)) is not null)
        {
            return;
        }

        await app.NewClerkAsync(userName);
        Assert.True(await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            for (var i = 0; i < users.Options.Lockout.MaxFailedAccessAttempts; i++)
            {
                await users.AccessFailedAsync(user);
            }

            return await users.IsLockedOutAsync(user);
        }));
    }

    /// <summary>The problem's body without its trace id, which names the request and so differs every time.</summary>
    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static (HttpStatusCode, string?) Answer(HttpResponseMessage response) =>
        (response.StatusCode, response.Headers.Location?.OriginalString);
}
