using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>Receiving a dossier at a unit: starts the case and acts the intake action on its first step.</summary>
internal static class Receiving
{
    public static Decision Decide(DecisionContext context, ReceiveCommand command)
    {
        var procedure = context.Procedure;
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

        if (!command.Actor.IsAt(command.Unit))
        {
            return Decision.Rejected(Rejection.Of(RejectionCodes.NotAuthorized, "receive")
                .With("actor", Authorization.Describe(command.Actor)).With("unit", TextInput.Quote(command.Unit)));
        }

        var fields = FieldValidator.Normalize(procedure.Fields, command.Fields);
        var problems = Check(procedure, command, fields, DateLimits.Of(context));
        if (!problems.IsEmpty)
        {
            return new Decision([], null, problems);
        }

        var role = command.Actor.Memberships.First(m => m.Unit == command.Unit).Role;
        var actor = EventActor.Of(command.Actor, role, command.Unit);
        var received = new CaseReceived(context.Now, actor, command.Id, procedure.Code, procedure.Version,
            context.ProcedureHash,
            DossierCode.Format(command.Unit, context.Calendar.ToLocal(context.Now), command.Sequence),
            LookupSecret.Hash(command.Id.Value, command.Secret), command.Unit, command.Channel, fields)
        {
            Book = command.Book,
        };
        var scope = new DecisionScope(context, CaseState.Start(received)) { Secret = command.Secret };
        scope.Emit(new ComponentsHandedIn(context.Now, actor, command.Components));
        scope.Enter(procedure.Start, null, actor);
        Acting.Apply(scope, new ActCommand(command.Actor, command.IntakeAction)
        {
            Step = procedure.Start,
            Input = command.Input,
        });
        return Decision.Accepted(ImmutableArray.Create<CaseEvent>(received).AddRange(scope.Events), scope.State);
    }

    /// <summary>
    /// The fields and papers, judged by what the intake action does: accepting the dossier needs it complete; a
    /// supplement request or a refusal needs only who the applicant is and how to reach them. Every problem at once.
    /// </summary>
    private static ImmutableArray<Rejection> Check(
        ProcedureDefinition procedure, ReceiveCommand command, ImmutableDictionary<string, string> fields,
        DateLimits dates)
    {
        var accepts = procedure.Step(procedure.Start).FindAction(command.IntakeAction)?.StartsClock == true;
        var problems = (accepts
                ? FieldValidator.Validate(procedure.Fields, fields, dates)
                : FieldValidator.ValidateContact(procedure, fields, dates))
            .AddRange(ComponentValidator.Validate(procedure, command.Components));
        return accepts && ComponentValidator.MissingRejection(
                ComponentValidator.Missing(procedure, command.Components)) is { } missing
            ? problems.Add(missing)
            : problems;
    }
}
