using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record HandUpCase(string CaseId, string To, string Reason) : ICaseRequest
{
    public string? Step { get; init; }
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new HandUpCommand(actor, To, Reason)
        {
            Step = Step is null ? null : new StepId(Step), ExpectedVersion = ExpectedVersion,
        };
}

internal sealed class HandUpCaseHandler(CasePipeline pipeline) : ICommandHandler<HandUpCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(HandUpCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
