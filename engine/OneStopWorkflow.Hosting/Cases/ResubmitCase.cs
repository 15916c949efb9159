using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

public sealed record ResubmitCase(string CaseId) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    /// <summary>The papers the supplement adds.</summary>
    public ImmutableArray<ReceivedComponent> Components { get; init; } = [];

    /// <summary>The case fields the supplement gives or corrects.</summary>
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;

    public CaseCommand ToEngine(Actor actor) => new ResubmitCommand(actor)
    {
        ExpectedVersion = ExpectedVersion, Components = Components, Fields = Fields,
    };
}

internal sealed class ResubmitCaseHandler(CasePipeline pipeline) : ICommandHandler<ResubmitCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(ResubmitCase command, CancellationToken cancellationToken) =>
        new(pipeline.ExecuteAsync(command, cancellationToken));
}
