using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>Recomputes the hash chain of one case's trail, or of all (auditors and admins).</summary>
public sealed record VerifyTrails(string? CaseId) : IQuery<VerifyResult>;

public sealed record VerifyResult(TrailReport? Report, Rejection? Rejection) : IRefusable<VerifyResult>
{
    public static VerifyResult Refused(Rejection rejection) => new(null, rejection);
}

internal sealed class VerifyTrailsHandler(OneStopDbContext db, ActorAccessor actors)
    : IQueryHandler<VerifyTrails, VerifyResult>
{
    public async ValueTask<VerifyResult> Handle(VerifyTrails query, CancellationToken cancellationToken)
    {
        return actors.Actor!.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin)
            ? new VerifyResult(await TrailVerifier.VerifyAsync(db, query.CaseId, cancellationToken), null)
            : VerifyResult.Refused(Rejection.Of(RejectionCodes.Forbidden, "verify"));
    }
}
