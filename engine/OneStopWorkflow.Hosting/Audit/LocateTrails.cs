using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
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
    public const string NotFound = "not-found";
}

/// <summary>The id of the case to verify, or null for every case.</summary>
public sealed record TrailLocation(string? CaseId, Rejection? Rejection);

internal sealed class LocateTrailsHandler(OneStopDbContext db, ActorAccessor actors)
    : IQueryHandler<LocateTrails, TrailLocation>
{
    public async ValueTask<TrailLocation> Handle(LocateTrails query, CancellationToken cancellationToken)
    {
        if (actors.Actor is not { Memberships.IsEmpty: false } actor)
        {
            return new TrailLocation(null, CaseAccess.Anonymous);
        }

        if (!actor.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin))
        {
            return new TrailLocation(
                null, new Rejection("forbidden", "Trail verification is for auditors and admins."));
        }

        if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            return new TrailLocation(null, new Rejection(LocateTrails.NoSchema,
                "The database holds no OneStopWorkflow schema; there are no trails to verify."));
        }

        if (query.Case is not { } key)
        {
            return new TrailLocation(null, null);
        }

        var id = await db.Cases.Where(c => c.Id == key || c.DossierCode == key).Select(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? new TrailLocation(null, CasePipeline.NotFound(key)) : new TrailLocation(id, null);
    }
}
