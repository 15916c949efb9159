using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>Unwinds a decision that is refused; <see cref="Runtime.Workflow.Decide"/> turns it into the refusal.</summary>
internal sealed class RejectedException(ImmutableArray<Rejection> rejections) : Exception(rejections[0].Message)
{
    public RejectedException(Rejection rejection)
        : this([rejection])
    {
    }

    public ImmutableArray<Rejection> Rejections { get; } = rejections;
}
