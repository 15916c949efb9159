using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// The applicant withdraws the dossier at the receiving unit: the case stops and the stop notice is issued. The
/// receiving unit's clerk or leader records it; an officer who only works a step there does not.
/// </summary>
internal static class Withdrawing
{
    public static bool MayWithdraw(CaseState state, Actor actor) =>
        !state.IsFinished && RecordingMembership(state, actor) != default;

    private static Membership RecordingMembership(CaseState state, Actor actor) =>
        actor.IsReadOnly ? default : actor.Memberships.FirstOrDefault(m =>
            m.Unit == state.ReceivingUnit && m.Role is Roles.Clerk or Roles.Leader);

    public static void Apply(DecisionScope scope, WithdrawCommand command)
    {
        Reasons.Require(command.Reason, "withdraw");
        var unit = scope.State.ReceivingUnit;
        var membership = RecordingMembership(scope.State, command.Actor);
        if (membership == default)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NotAuthorized, "withdraw")
                .With("unit", scope.Context.Units.NameOf(unit))
                .With("actor", Authorization.Describe(command.Actor)));
        }

        var actor = EventActor.Of(command.Actor, membership.Role, unit);
        // Finish first: the stop notice states the reason the case was stopped for.
        scope.Finish(Outcome.Withdrawn, command.Reason, actor);
        scope.Issue(scope.Procedure.WithdrawalDocuments, null, actor);
    }
}
