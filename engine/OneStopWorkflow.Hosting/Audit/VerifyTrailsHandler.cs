using Mediator;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Audit;

internal sealed class VerifyTrailsHandler(OneStopDbContext db, ActorAccessor actors) : IQueryHandler<VerifyTrails, VerifyResult>
{
    public async ValueTask<VerifyResult> Handle(VerifyTrails query, CancellationToken cancellationToken)
    {
        if (actors.Actor is not { Memberships.IsEmpty: false } actor)
        {
            return new VerifyResult(null, CaseAccess.Anonymous);
        }

        return actor.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin)
            ? new VerifyResult(await TrailVerifier.VerifyAsync(db, query.CaseId, cancellationToken), null)
            : new VerifyResult(null, new Engine.Runtime.Rejection("forbidden", "Trail verification is for auditors and admins."));
    }
}
