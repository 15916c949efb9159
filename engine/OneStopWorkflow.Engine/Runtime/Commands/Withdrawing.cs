using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// The applicant withdraws the dossier at the receiving unit: the case stops and the stop notice is issued.
/// </summary>
internal static class Withdrawing
{
    public static void Apply(DecisionScope scope, WithdrawCommand command)
    {
        Reasons.Require(command.Reason, "withdraw");
        var unit = scope.State.ReceivingUnit;
        var membership = command.Actor.Memberships.FirstOrDefault(m => m.Unit == unit);
        if (membership == default)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAuthorized, "withdraw")
                .With("unit", unit).With("actor", Authorization.Describe(command.Actor)));
        }

        var actor = EventActor.Of(command.Actor, membership.Role, unit);
        // Finish first: the stop notice states the reason the case was stopped for.
        scope.Finish(Outcome.Withdrawn, command.Reason, actor);
        scope.Issue(scope.Procedure.WithdrawalDocuments, null, actor);
    }
}
