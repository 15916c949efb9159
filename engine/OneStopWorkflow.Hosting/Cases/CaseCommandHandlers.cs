using Mediator;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>Every case command runs through <see cref="CasePipeline"/>; the handlers only route.</summary>
internal sealed class CaseCommandHandlers(CasePipeline pipeline)
    : ICommandHandler<ReceiveCase, CaseResult>,
      ICommandHandler<ActOnCase, CaseResult>,
      ICommandHandler<ResubmitCase, CaseResult>,
      ICommandHandler<HandUpCase, CaseResult>,
      ICommandHandler<ReassignCase, CaseResult>,
      ICommandHandler<RescheduleCase, CaseResult>,
      ICommandHandler<WithdrawCase, CaseResult>
{
    public async ValueTask<CaseResult> Handle(ReceiveCase command, CancellationToken cancellationToken) =>
        await pipeline.ReceiveAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(ActOnCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(ResubmitCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(HandUpCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(ReassignCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(RescheduleCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);

    public async ValueTask<CaseResult> Handle(WithdrawCase command, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(command, cancellationToken);
}
