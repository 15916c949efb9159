using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>
/// Unwinds a decision that is refused; <see cref="Runtime.Workflow.Decide"/> turns it into the refusal.
/// </summary>
internal sealed class RejectedException(ImmutableArray<Rejection> rejections) : Exception
{
    public RejectedException(Rejection rejection)
        : this([rejection])
    {
    }

    public ImmutableArray<Rejection> Rejections { get; } = rejections;

    public override string Message => Rejections[0].Message;
}
