using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Takes a role at a unit away from a user and ends their sessions: a new security stamp makes their cookies,
/// tokens and open pages refused at their next check, within a minute (admins; never their own admin role).
/// </summary>
public sealed record RemoveMembership(string UserName, string Unit, string Role) : ICommand<AccountResult>;

internal sealed class RemoveMembershipHandler(OneStopDbContext db, UserManager<UserRow> users, ActorAccessor actors)
    : ICommandHandler<RemoveMembership, AccountResult>
{
    public async ValueTask<AccountResult> Handle(RemoveMembership command, CancellationToken cancellationToken)
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

        if (command.Role == Roles.Admin && AccountAccess.IsSelf(users, actor, user))
        {
            return AccountResult.Refused(AccountAccess.Self);
        }

        var removed = await db.Memberships
            .Where(m => m.UserId == user.Id && m.Unit == command.Unit && m.Role == command.Role)
            .ToListAsync(cancellationToken);
        if (removed.Count == 0)
        {
            return AccountResult.Refused(Rejection.Of(RejectionCodes.FieldInvalid, "membership").On("role")
                .With("user", user.UserName!).With("role", CaseAccess.Quote(command.Role))
                .With("unit", CaseAccess.Quote(command.Unit)));
        }

        // The removal and the new security stamp are saved together (the user store saves this same context), so
        // the rows never go without the user's cookies, tokens and open pages being refused at their next check.
        db.Memberships.RemoveRange(removed);
        return AccountAccess.Outcome(await users.UpdateSecurityStampAsync(user), command.UserName);
    }
}
