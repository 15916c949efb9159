using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>Receives a dossier at a unit on the newest published version of a procedure (or the one named).</summary>
public sealed record ReceiveCase(string Procedure, string Unit) : ICommand<CaseResult>
{
    public int? Version { get; init; }
    public string Channel { get; init; } = "counter";
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string IntakeAction { get; init; } = "accept";
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The papers handed in; none given means none were, so accepting needs the required ones.</summary>
    public ImmutableArray<ReceivedComponent> Components { get; init; } = [];

    /// <summary>
    /// The lowest dossier number to take today, for a centre continuing a paper book; the database may give more.
    /// </summary>
    public int FirstSequence { get; init; } = 1;
}

internal sealed class ReceiveCaseHandler(CasePipeline pipeline) : ICommandHandler<ReceiveCase, CaseResult>
{
    public ValueTask<CaseResult> Handle(ReceiveCase command, CancellationToken cancellationToken) =>
        new(pipeline.ReceiveAsync(command, cancellationToken));
}
