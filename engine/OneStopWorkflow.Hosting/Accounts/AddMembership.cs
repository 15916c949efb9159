using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Gives a user a role at a unit of the unit directory; it takes effect at their next sign-in or when their
/// session is next checked, within a minute (admins). Their sessions go on: a right given ends none.
/// </summary>
public sealed record AddMembership(string UserName, string Unit, string Role) : ICommand<AccountResult>
{
    /// <summary>The position (chức danh) printed under the person's name there, e.g. "Công chức Một cửa".</summary>
    public string? Position { get; init; }
}

internal sealed class AddMembershipHandler(
    OneStopDbContext db, UserManager<UserRow> users, ProcedureCatalog catalog, ActorAccessor actors)
    : ICommandHandler<AddMembership, AccountResult>
{
    public async ValueTask<AccountResult> Handle(AddMembership command, CancellationToken cancellationToken)
    {
        if (!AccountAccess.IsAdmin(actors.Actor!))
        {
            return AccountResult.Refused(AccountAccess.NotAdmin);
        }

        if (await users.FindByNameAsync(command.UserName) is not { } user)
        {
            return AccountResult.Refused(AccountAccess.UnknownUser(command.UserName));
        }

        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        var roles = AccountAccess.AssignableRoles(units);
        if (units.Find(command.Unit) is null)
        {
            return AccountResult.Refused(Rejection.Of(RejectionCodes.FieldInvalid, "unit").On("unit")
                .With("unit", CaseAccess.Quote(command.Unit)));
        }

        if (!roles.Contains(command.Role, StringComparer.Ordinal))
        {
            return AccountResult.Refused(Rejection.Of(RejectionCodes.FieldInvalid, "role").On("role")
                .With("role", CaseAccess.Quote(command.Role)).With("roles", string.Join(", ", roles)));
        }

        if (await db.Memberships.AnyAsync(
                m => m.UserId == user.Id && m.Unit == command.Unit && m.Role == command.Role, cancellationToken))
        {
            return AccountResult.Refused(Rejection.Of(RejectionCodes.FieldInvalid, "membership-exists").On("role")
                .With("user", user.UserName!).With("role", command.Role).With("unit", command.Unit));
        }

        var position = string.IsNullOrWhiteSpace(command.Position) ? null : command.Position.Trim();
        db.Memberships.Add(new MembershipRow
        {
            UserId = user.Id, Unit = command.Unit, Role = command.Role, Position = position,
        });
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done;
    }
}
