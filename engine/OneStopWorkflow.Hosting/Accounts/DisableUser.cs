using Mediator;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Locks an account out until it is enabled again and ends its sessions: a new security stamp invalidates its
/// cookies when they are next validated (admins; never their own account).
/// </summary>
public sealed record DisableUser(string UserName) : ICommand<AccountResult>;

internal sealed class DisableUserHandler(UserManager<UserRow> users, ActorAccessor actors)
    : ICommandHandler<DisableUser, AccountResult>
{
    public async ValueTask<AccountResult> Handle(DisableUser command, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (!AccountAccess.IsAdmin(actor))
        {
            return AccountResult.Refused(AccountAccess.NotAdmin);
        }

        if (await users.FindByNameAsync(command.UserName) is not { } user)
        {
            return AccountResult.Refused(AccountAccess.UnknownUser(command.UserName));
        }

        if (AccountAccess.IsSelf(users, actor, user))
        {
            return AccountResult.Refused(AccountAccess.Self);
        }

        // Identity refuses a lockout end for a user whose lockout is off (users seeded before it was on by default).
        var result = user.LockoutEnabled ? IdentityResult.Success : await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        return AccountAccess.Outcome(result, command.UserName);
    }
}
