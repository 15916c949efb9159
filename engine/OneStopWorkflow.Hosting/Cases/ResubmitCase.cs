using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record ResubmitCase(string CaseId) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) => new ResubmitCommand(actor) { ExpectedVersion = ExpectedVersion };
}

internal sealed class ResubmitCaseHandler(CasePipeline pipeline) : ICommandHandler<ResubmitCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(ResubmitCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
