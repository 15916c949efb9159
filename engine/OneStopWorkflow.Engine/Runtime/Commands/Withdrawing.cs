using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// The applicant withdraws the dossier at the receiving unit: the case stops and the stop notice is issued. The
/// receiving unit's clerk or leader records it, or whichever roles there the procedure names
/// (<see cref="ProcedureDefinition.WithdrawalRoles"/>); an officer who only works a step there does not.
/// </summary>
internal static class Withdrawing
{
    public static bool MayWithdraw(ProcedureDefinition procedure, CaseState state, Actor actor) =>
        !state.IsFinished && RecordingMembership(procedure, state, actor) != default;

    private static Membership RecordingMembership(ProcedureDefinition procedure, CaseState state, Actor actor) =>
        actor.IsReadOnly ? default : actor.Memberships.FirstOrDefault(m =>
            m.Unit == state.ReceivingUnit && procedure.WithdrawalRoles.Contains(m.Role, StringComparer.Ordinal));

    public static void Apply(DecisionScope scope, WithdrawCommand command)
    {
        Reasons.Require(command.Reason, "withdraw");
        var unit = scope.State.ReceivingUnit;
        var membership = RecordingMembership(scope.Procedure, scope.State, command.Actor);
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
