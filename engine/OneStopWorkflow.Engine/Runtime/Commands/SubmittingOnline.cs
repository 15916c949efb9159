using System.Collections.Immutable;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// A citizen's online submission: starts the case at its first step's task, which waits for a clerk of the unit.
/// Nothing is accepted yet, so no clock runs; the clerk's accept starts it, counted as the procedure's online
/// service says (see <see cref="Definitions.OnlineService.CountsFrom"/>).
/// </summary>
internal static class SubmittingOnline
{
    public static Decision Decide(DecisionContext context, SubmitOnlineCommand command)
    {
        var procedure = context.Procedure;
        if (procedure.Online is null)
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.NotOnline).With("procedure", procedure.Title));
        }

        if (!ResultDelivery.All.Contains(command.Delivery))
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.FieldInvalid, "delivery").On("delivery")
                .With("value", TextInput.Quote(command.Delivery)));
        }

        if (context.Units.Find(command.Unit) is not { } unit)
        {
            return Decision.Rejected(
                Rejection.Of(RejectionCodes.UnknownUnit).With("unit", TextInput.Quote(command.Unit)).On("unit"));
        }

        if (!Units.Receivers.MayReceive(procedure, unit))
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.NotReceivable).On("unit")
                .With("procedure", procedure.Title).With("levels", string.Join(", ", procedure.ReceivableAt))
                .With("unit", unit.Name));
        }

        var fields = FieldValidator.Normalize(procedure.Fields, command.Fields);
        var problems = FieldValidator.Validate(procedure.Fields, fields, DateLimits.Of(context))
            .AddRange(ComponentValidator.Validate(procedure, command.Components))
            .AddRange(command.Components
                .Where(c => c.Scans is not { IsEmpty: false })
                .Select(c => Rejection.Of(RejectionCodes.ScanRequired).On($"components.{c.Component}")
                    .With("component", procedure.Components.FirstOrDefault(d => d.Id == c.Component)?.Name
                        ?? new Definitions.LocalizedText(c.Component, c.Component))));
        if (!problems.IsEmpty)
        {
            return new Decision([], null, problems);
        }

        var actor = EventActor.ApplicantAt(command.Actor, command.Unit);
        var received = new CaseReceived(context.Now, actor, command.Id, procedure.Code, procedure.Version,
            context.ProcedureHash,
            DossierCode.Format(command.Unit, context.Calendar.ToLocal(context.Now), command.Sequence),
            LookupSecret.Hash(command.Id.Value, command.Secret), command.Unit, CaseChannel.Online, fields)
        {
            Delivery = command.Delivery,
        };
        var scope = new DecisionScope(context, CaseState.Start(received)) { Secret = command.Secret };
        scope.Emit(new ComponentsHandedIn(context.Now, actor, command.Components));
        scope.Enter(procedure.Start, null, actor);
        return Decision.Accepted(ImmutableArray.Create<CaseEvent>(received).AddRange(scope.Events), scope.State);
    }
}
