using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>Finding the open task a command is about.</summary>
internal static class Tasks
{
    /// <summary>
    /// The one open task, of <paramref name="step"/> when named; none or several refuse the command, saying
    /// <paramref name="what"/> it tried to do.
    /// </summary>
    public static TaskState Find(DecisionScope scope, StepId? step, string what)
    {
        var open = scope.State.OpenTasks.Where(t => step is null || t.Step == step).ToList();
        return open.Count switch
        {
            1 => open[0],
            0 => throw new RejectedException(step is { } named
                ? Rejection.Of(RejectionCodes.NoOpenTask, "step").With("step", TextInput.Quote(named.Value))
                    .With("dossier", scope.State.DossierCode)
                : Rejection.Of(RejectionCodes.NoOpenTask).With("dossier", scope.State.DossierCode)
                    .With("what", TextInput.Quote(what))),
            _ => throw new RejectedException(Rejection.Of(RejectionCodes.AmbiguousTask).On("step")
                .With("steps", string.Join(", ", open.Select(t => t.Step))).With("what", TextInput.Quote(what))),
        };
    }
}
