using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// A new user who signs in with <paramref name="Password"/>; their memberships are added one by one (admins).
/// </summary>
public sealed record CreateUser(string UserName, string DisplayName, string Password) : ICommand<AccountResult>
{
    // The password never reaches a log through the record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"UserName = {UserName}, DisplayName = {DisplayName}");
        return true;
    }
}

internal sealed class CreateUserHandler(UserManager<UserRow> users, ActorAccessor actors)
    : ICommandHandler<CreateUser, AccountResult>
{
    private static readonly LocalizedText DisplayNameLabel = new("Họ tên", "Full name");

    public async ValueTask<AccountResult> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (!AccountAccess.IsAdmin(actors.Actor!))
        {
            return AccountResult.Refused(AccountAccess.NotAdmin);
        }

        var user = new UserRow { UserName = command.UserName.Trim(), DisplayName = command.DisplayName.Trim() };
        // Both validations first, so that a form shows a taken name and a weak password at once.
        var problems = await IdentityProblems.OfUserAsync(users, user);
        problems.AddRange(await IdentityProblems.OfPasswordAsync(users, user, command.Password));
        var refusals = IdentityProblems.Refusals(problems, user.UserName, users.Options);
        if (user.DisplayName.Length == 0)
        {
            refusals = refusals.Add(Rejection.Of(RejectionCodes.FieldRequired).On("displayName")
                .With("field", "displayName").With("label", DisplayNameLabel));
        }

        if (!refusals.IsEmpty)
        {
            return new AccountResult(refusals);
        }

        // Validated again inside: a user of the same name created meanwhile is refused the same way.
        var created = await users.CreateAsync(user, command.Password);
        return created.Succeeded
            ? AccountResult.Done
            : new AccountResult(IdentityProblems.Refusals([.. created.Errors], user.UserName, users.Options));
    }
}
