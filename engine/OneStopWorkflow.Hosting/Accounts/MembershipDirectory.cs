using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// The memberships a user signs in with, read by the web host's sign-in (before any actor exists, so not a
/// request through the access check).
/// </summary>
public sealed class MembershipDirectory(OneStopDbContext db)
{
    public async Task<IReadOnlyList<Membership>> OfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new Membership(m.Unit, m.Role) { Position = m.Position }).ToListAsync(cancellationToken);
}
