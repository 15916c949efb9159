using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// An admin sets a user's password, for a user who forgot theirs; the user's other sessions end (admins).
/// </summary>
public sealed record ResetPassword(string UserName, string Password) : ICommand<AccountResult>
{
    // The password never reaches a log through the record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"UserName = {UserName}");
        return true;
    }
}

internal sealed class ResetPasswordHandler(UserManager<UserRow> users, ActorAccessor actors)
    : ICommandHandler<ResetPassword, AccountResult>
{
    public async ValueTask<AccountResult> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        if (!AccountAccess.IsAdmin(actors.Actor!))
        {
            return AccountResult.Refused(AccountAccess.NotAdmin);
        }

        if (await users.FindByNameAsync(command.UserName) is not { } user)
        {
            return AccountResult.Refused(AccountAccess.UnknownUser(command.UserName));
        }

        var problems = await IdentityProblems.OfPasswordAsync(users, user, command.Password);
        if (problems.Count > 0)
        {
            return new AccountResult(IdentityProblems.Refusals(problems, command.UserName, users.Options));
        }

        // One write, hash and new stamp together: remove-then-add would leave the user without a password if the
        // second write failed, and the web host registers no token providers for a reset token.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password);
        return AccountAccess.Outcome(await users.UpdateSecurityStampAsync(user), command.UserName);
    }
}
