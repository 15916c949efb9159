using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record WithdrawCase(string CaseId, string Reason) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new WithdrawCommand(actor, Reason) { ExpectedVersion = ExpectedVersion };
}

internal sealed class WithdrawCaseHandler(CasePipeline pipeline) : ICommandHandler<WithdrawCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(WithdrawCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
