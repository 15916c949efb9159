using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Accounts;

/// <summary>User and membership administration is the admins', whatever front end sends the requests.</summary>
public sealed class AccountTests
{
    private static readonly Actor Admin = new("admin.hp", [new Membership("HP", "admin")]);
    private static readonly DateTimeOffset Now =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);
    private const string Password = "Mat-khau-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestApp> StartAsync(StorageProvider provider = StorageProvider.Sqlite) =>
        await TestApp.StartAsync(await TestApp.DatabaseAsync(provider), Now);

    private static Task<AccountResult> SendAsync(TestApp app, Actor actor, ICommand<AccountResult> command) =>
        app.AsAsync(actor, m => m.Send(command, Ct));

    private static async Task<UserSummary> UserAsync(TestApp app, string userName) =>
        Assert.Single((await app.AsAsync(Admin, m => m.Send(new ListUsers(), Ct))).Users, u => u.UserName == userName);

    private static async Task<T> WithUsersAsync<T>(TestApp app, Func<UserManager<UserRow>, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>());
    }

    private static Task<string?> StampAsync(TestApp app, string userName) =>
        WithUsersAsync(app, async users => (await users.FindByNameAsync(userName))!.SecurityStamp);

    private static async Task CreateAsync(TestApp app, string userName)
    {
        var created = await SendAsync(app, Admin, new CreateUser(userName, "Nguyễn Văn An", Password));
        Assert.False(created.IsRejected, string.Join("; ", created.Rejections));
    }

    [Fact]
    public async Task Every_account_request_refuses_whoever_is_not_an_admin_and_writes_nothing()
    {
        await using var app = await StartAsync();
        await CreateAsync(app, "clerk.kienan");
        await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP.LECHAN", "clerk"));
        ICommand<AccountResult>[] commands =
        [
            new CreateUser("someone", "Người lạ", Password), new DisableUser("clerk.kienan"),
            new EnableUser("clerk.kienan"), new ResetPassword("clerk.kienan", "Mat-khau-moi-2026"),
            new AddMembership("clerk.kienan", "HP.LECHAN", "leader"),
            new RemoveMembership("clerk.kienan", "HP.LECHAN", "clerk"),
        ];

        foreach (var person in new[] { People.ClerkLeChan, People.LeaderCn1, People.Auditor, People.Policy })
        {
            var list = await app.AsAsync(person, m => m.Send(new ListUsers(), Ct));
            Assert.Equal(("forbidden", "admin"), (list.Rejection?.Code, list.Rejection?.Variant));
            Assert.Empty(list.Users);
            foreach (var command in commands)
            {
                var refused = Assert.Single((await SendAsync(app, person, command)).Rejections);
                Assert.Equal(("forbidden", "admin"), (refused.Code, refused.Variant));
            }
        }

        foreach (var command in commands)
        {
            var anonymous = await app.AsAsync(null, m => m.Send(command, Ct));
            Assert.Equal("unauthenticated", Assert.Single(anonymous.Rejections).Code);
        }

        var user = await UserAsync(app, "clerk.kienan");
        Assert.False(user.Disabled);
        Assert.Equal([new Membership("HP.LECHAN", "clerk")], user.Memberships.ToArray());
        Assert.DoesNotContain((await app.AsAsync(Admin, m => m.Send(new ListUsers(), Ct))).Users,
            u => u.UserName == "someone");
        Assert.True(await WithUsersAsync(app, async users =>
            await users.CheckPasswordAsync((await users.FindByNameAsync("clerk.kienan"))!, Password)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_admin_creates_a_user_gives_and_takes_a_membership_disables_enables_and_resets_a_password(
        StorageProvider provider)
    {
        await using var app = await StartAsync(provider);

        await CreateAsync(app, "clerk.kienan");
        var created = await UserAsync(app, "clerk.kienan");
        Assert.Equal(("Nguyễn Văn An", false, null), (created.DisplayName, created.Disabled, created.LockedUntil));
        Assert.Empty(created.Memberships);

        Assert.False((await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP.LECHAN", "clerk"))).IsRejected);
        Assert.False((await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP", "auditor"))).IsRejected);
        Assert.Equal([new Membership("HP", "auditor"), new Membership("HP.LECHAN", "clerk")],
            (await UserAsync(app, "clerk.kienan")).Memberships.ToArray());
        var stampBeforeRemoval = await StampAsync(app, "clerk.kienan");
        Assert.False((await SendAsync(app, Admin, new RemoveMembership("clerk.kienan", "HP", "auditor"))).IsRejected);
        Assert.Equal([new Membership("HP.LECHAN", "clerk")],
            (await UserAsync(app, "clerk.kienan")).Memberships.ToArray());

        // A removed right ends the user's sessions: cookies and tokens carry the old stamp and are refused.
        Assert.NotEqual(stampBeforeRemoval, await StampAsync(app, "clerk.kienan"));

        Assert.False((await SendAsync(app, Admin, new DisableUser("clerk.kienan"))).IsRejected);
        Assert.True((await UserAsync(app, "clerk.kienan")).Disabled);
        var stampAfterDisable = await WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByNameAsync("clerk.kienan"))!;
            Assert.True(await users.IsLockedOutAsync(user));
            return user.SecurityStamp;
        });
        Assert.False((await SendAsync(app, Admin, new EnableUser("clerk.kienan"))).IsRejected);
        var enabled = await UserAsync(app, "clerk.kienan");
        Assert.Equal((false, null), (enabled.Disabled, enabled.LockedUntil));

        Assert.False((await SendAsync(app, Admin, new ResetPassword("clerk.kienan", "Mat-khau-moi-2026"))).IsRejected);
        await WithUsersAsync(app, async users =>
        {
            var user = (await users.FindByNameAsync("clerk.kienan"))!;
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, "Mat-khau-moi-2026"));
            Assert.False(await users.CheckPasswordAsync(user, Password));
            Assert.NotEqual(stampAfterDisable, user.SecurityStamp);
            return true;
        });
    }

    [Fact]
    public async Task Refusals_name_the_field_they_concern_and_read_in_Vietnamese_and_English()
    {
        await using var app = await StartAsync();
        await CreateAsync(app, "clerk.kienan");

        var taken = await SendAsync(app, Admin, new CreateUser("clerk.kienan", " ", "abc"));
        var unit = Assert.Single((await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP.NOWHERE", "clerk")))
            .Rejections);
        var role = Assert.Single((await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP", "mayor")))
            .Rejections);
        await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP.LECHAN", "clerk"));
        var twice = Assert.Single((await SendAsync(app, Admin, new AddMembership("clerk.kienan", "HP.LECHAN", "clerk")))
            .Rejections);
        var absent = Assert.Single((await SendAsync(app, Admin, new RemoveMembership("clerk.kienan", "HP", "leader")))
            .Rejections);
        var weak = Assert.Single((await SendAsync(app, Admin, new ResetPassword("clerk.kienan", "1234"))).Rejections);
        var nobody = Assert.Single((await SendAsync(app, Admin, new DisableUser("nobody"))).Rejections);

        Assert.Equal(
            ["field-invalid.user-name@userName", "field-invalid.password@password", "field-required@displayName"],
            taken.Rejections.Select(r => $"{r.Key}@{r.Field}"));
        Assert.Contains("'clerk.kienan'", taken.Rejections[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Mật khẩu không được chấp nhận: Mật khẩu phải có ít nhất 8 ký tự.",
            taken.Rejections[1].MessageIn(CultureInfo.GetCultureInfo("vi-VN")), StringComparison.Ordinal);
        Assert.Equal("Cần nhập Họ tên.", taken.Rejections[2].MessageIn(CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal(("unit", "Đơn vị 'HP.NOWHERE' không có trong danh mục đơn vị."),
            (unit.Field, unit.MessageIn(CultureInfo.GetCultureInfo("vi-VN"))));
        Assert.Equal("Unit 'HP.NOWHERE' is not in the unit directory.",
            unit.MessageIn(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(("role", "field-invalid.role"), (role.Field, role.Key));
        Assert.Contains("admin, auditor", role.Message, StringComparison.Ordinal);
        Assert.Contains("land-officer", role.Message, StringComparison.Ordinal);
        Assert.Equal("'clerk.kienan' đã có vai trò clerk tại HP.LECHAN.",
            twice.MessageIn(CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal("'clerk.kienan' has no membership leader at HP.", absent.Message);
        Assert.Equal(("password", "field-invalid.password"), (weak.Field, weak.Key));
        Assert.Equal(("userName", "There is no user 'nobody'."), (nobody.Field, nobody.Message));
        Assert.True(await WithUsersAsync(app, async users =>
            await users.CheckPasswordAsync((await users.FindByNameAsync("clerk.kienan"))!, Password)));
    }

    [Fact]
    public async Task An_admin_can_neither_disable_themselves_nor_drop_their_own_admin_role()
    {
        await using var app = await StartAsync();
        await CreateAsync(app, Admin.User);
        await SendAsync(app, Admin, new AddMembership(Admin.User, "HP", "admin"));

        var disable = Assert.Single((await SendAsync(app, Admin, new DisableUser(Admin.User))).Rejections);
        var demote = Assert.Single((await SendAsync(app, Admin, new RemoveMembership(Admin.User, "HP", "admin")))
            .Rejections);

        Assert.Equal(["forbidden.self", "forbidden.self"], new[] { disable.Key, demote.Key });
        var admin = await UserAsync(app, Admin.User);
        Assert.False(admin.Disabled);
        Assert.Equal([new Membership("HP", "admin")], admin.Memberships.ToArray());
    }
}
