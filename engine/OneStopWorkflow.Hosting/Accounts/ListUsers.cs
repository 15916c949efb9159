using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Every user with their state and memberships, and the units and roles a membership may name (admins).
/// </summary>
public sealed record ListUsers : IQuery<UserList>;

/// <summary>The users by user name, or why they cannot be listed.</summary>
public sealed record UserList(
    ImmutableArray<UserSummary> Users, ImmutableArray<string> Units, ImmutableArray<string> Roles, Rejection? Rejection)
    : IRefusable<UserList>
{
    public static UserList Refused(Rejection rejection) => new([], [], [], rejection);
}

/// <summary>
/// A user as the administration sees them: <see cref="Disabled"/> by an admin until enabled again, or locked until
/// <see cref="LockedUntil"/> after repeated failed sign-ins.
/// </summary>
public sealed record UserSummary(
    string UserName, string DisplayName, bool Disabled, DateTimeOffset? LockedUntil,
    ImmutableArray<Membership> Memberships);

internal sealed class ListUsersHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : IQueryHandler<ListUsers, UserList>
{
    public async ValueTask<UserList> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        if (!AccountAccess.IsAdmin(actors.Actor!))
        {
            return UserList.Refused(AccountAccess.NotAdmin);
        }

        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var memberships = (await db.Memberships.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => new Membership(m.Unit, m.Role) { Position = m.Position });
        var now = time.GetUtcNow();
        var summaries = users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u =>
        {
            var disabled = AccountAccess.IsDisabled(u.LockoutEnabled, u.LockoutEnd);
            var locked = !disabled && u.LockoutEnabled && u.LockoutEnd > now ? u.LockoutEnd : null;
            return new UserSummary(u.UserName ?? "", u.DisplayName, disabled, locked, [.. memberships[u.Id]
                .OrderBy(m => m.Unit, StringComparer.Ordinal).ThenBy(m => m.Role, StringComparer.Ordinal)]);
        });
        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        return new UserList(
            [.. summaries], [.. units.Units.Select(u => u.Code)], AccountAccess.AssignableRoles(units), null);
    }
}
