using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Which trails <see cref="VerifyTrails"/> is to check: the case given by its id or dossier code, or all when
/// <see cref="Case"/> is null (auditors and admins). Asked first because verifying reads the trails raw, without
/// replaying them: refused with <see cref="NoSchema"/> when the database holds no OneStopWorkflow schema and with
/// <see cref="NotFound"/> when there is no such case.
/// </summary>
public sealed record LocateTrails(string? Case) : IQuery<TrailLocation>
{
    public const string NoSchema = "no-schema";
    public const string NotFound = RejectionCodes.NotFound;
}

/// <summary>The id of the case to verify, or null for every case.</summary>
public sealed record TrailLocation(string? CaseId, Rejection? Rejection) : IRefusable<TrailLocation>
{
    public static TrailLocation Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class LocateTrailsHandler(OneStopDbContext db, ActorAccessor actors)
    : IQueryHandler<LocateTrails, TrailLocation>
{
    public async ValueTask<TrailLocation> Handle(LocateTrails query, CancellationToken cancellationToken)
    {
        if (!actors.Actor!.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin))
        {
            return TrailLocation.Refused(Rejection.Of(RejectionCodes.Forbidden, "verify"));
        }

        if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            return TrailLocation.Refused(Rejection.Of(LocateTrails.NoSchema));
        }

        if (query.Case is not { } key)
        {
            return new TrailLocation(null, null);
        }

        var id = await db.Cases.Where(c => c.Id == key || c.DossierCode == key).Select(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? new TrailLocation(null, CaseAccess.NotFound(key)) : new TrailLocation(id, null);
    }
}
