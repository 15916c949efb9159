using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using Microsoft.EntityFrameworkCore;
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
        var actor = actors.Actor!;
        if (!actor.Memberships.Any(m => m.Role is Roles.Auditor or Roles.Admin))
        {
            return VerifyResult.Refused(Rejection.Of(RejectionCodes.Forbidden, "verify"));
        }

        // "Intact" is never said of a case that is not there. The row is enough: a broken trail may not replay.
        if (query.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return VerifyResult.Refused(CaseAccess.NotFound(caseId));
        }

        return new VerifyResult(await TrailVerifier.VerifyAsync(db, query.CaseId, cancellationToken), null);
    }
}
