using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record ReassignCase(string CaseId, string To, string Reason) : ICaseRequest
{
    public string? Step { get; init; }
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new ReassignCommand(actor, To, Reason)
        {
            Step = Step is null ? null : new StepId(Step), ExpectedVersion = ExpectedVersion,
        };
}

internal sealed class ReassignCaseHandler(CasePipeline pipeline) : ICommandHandler<ReassignCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(ReassignCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
