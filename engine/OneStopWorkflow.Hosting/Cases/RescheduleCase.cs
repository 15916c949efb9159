using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record RescheduleCase(string CaseId, DateTimeOffset NewAppointment, string Reason) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new RescheduleCommand(actor, NewAppointment, Reason) { ExpectedVersion = ExpectedVersion };
}

internal sealed class RescheduleCaseHandler(CasePipeline pipeline) : ICommandHandler<RescheduleCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(RescheduleCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
