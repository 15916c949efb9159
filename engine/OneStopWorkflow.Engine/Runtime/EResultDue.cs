using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// When a case has an electronic result to file: its version names a result document (<c>result</c>), the case was
/// resolved, and none is filed yet. A refused or withdrawn case gives its refusal or stop notice, not a result.
/// </summary>
public static class EResultDue
{
    public static bool IsDue(ProcedureDefinition procedure, CaseState state) => WhyNotDue(procedure, state) is null;

    /// <summary>Why the case has no electronic result to file now; null when one is due.</summary>
    public static Rejection? WhyNotDue(ProcedureDefinition procedure, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(state);
        if (procedure.Result is null)
        {
            return Rejection.Of(RejectionCodes.NoEResult, "procedure")
                .With("procedure", procedure.Title).With("version", procedure.Version);
        }

        if (state.EResultAt is not null)
        {
            return Rejection.Of(RejectionCodes.EResultFiled).With("dossier", state.DossierCode);
        }

        if (!state.IsFinished)
        {
            return Rejection.Of(RejectionCodes.NoEResult).With("dossier", state.DossierCode);
        }

        return state.Outcome == Outcome.Resolved
            ? null
            : Rejection.Of(RejectionCodes.NoEResult, "outcome")
                .With("dossier", state.DossierCode).With("outcome", RejectionWords.Outcome(state.Outcome));
    }
}
