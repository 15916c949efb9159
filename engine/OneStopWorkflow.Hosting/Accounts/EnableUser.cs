using Mediator;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Lets a disabled account, or one locked after repeated failed sign-ins, sign in again with a clean count of
/// failures (admins).
/// </summary>
public sealed record EnableUser(string UserName) : ICommand<AccountResult>;

internal sealed class EnableUserHandler(UserManager<UserRow> users, ActorAccessor actors)
    : ICommandHandler<EnableUser, AccountResult>
{
    public async ValueTask<AccountResult> Handle(EnableUser command, CancellationToken cancellationToken)
    {
        if (!AccountAccess.IsAdmin(actors.Actor!))
        {
            return AccountResult.Refused(AccountAccess.NotAdmin);
        }

        if (await users.FindByNameAsync(command.UserName) is not { } user)
        {
            return AccountResult.Refused(AccountAccess.UnknownUser(command.UserName));
        }

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        return AccountAccess.Outcome(result, command.UserName);
    }
}
