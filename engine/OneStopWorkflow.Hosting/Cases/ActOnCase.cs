using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record ActOnCase(string CaseId, string Action) : ICaseRequest
{
    public string? Step { get; init; }
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new ActCommand(actor, Action)
        {
            Step = Step is null ? null : new StepId(Step), Input = Input, ExpectedVersion = ExpectedVersion,
        };
}

internal sealed class ActOnCaseHandler(CasePipeline pipeline) : ICommandHandler<ActOnCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(ActOnCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
