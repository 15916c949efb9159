using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// The system files the electronic result the host printed and stored: once, for a resolved case whose version
/// names the result document, and only that document.
/// </summary>
internal static class FilingEResult
{
    public static void Apply(DecisionScope scope, FileEResultCommand command)
    {
        var procedure = scope.Procedure;
        if (EResultDue.WhyNotDue(procedure, scope.State) is { } notDue)
        {
            throw new RejectedException(notDue);
        }

        if (command.Document != procedure.Result!.Document)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.NoEResult, "document")
                .With("procedure", procedure.Title).With("version", procedure.Version)
                .With("expected", procedure.Result.Document).With("document", command.Document));
        }

        scope.Emit(new EResultIssued(scope.Now, DecisionScope.System(scope.State), command.Document, command.File,
            command.Length, command.Sha256));
    }
}
