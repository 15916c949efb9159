using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A command on an existing case. <see cref="ExpectedVersion"/> is the case version the caller last saw.</summary>
public interface ICaseRequest : ICommand<CaseResult>
{
    string CaseId { get; }

    int? ExpectedVersion { get; }

    CaseCommand ToEngine(Actor actor);
}

/// <summary>Receives a dossier at a unit on the newest published version of a procedure (or the one named).</summary>
public sealed record ReceiveCase(string Procedure, string Unit) : ICommand<CaseResult>
{
    public int? Version { get; init; }
    public string Channel { get; init; } = "counter";
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string IntakeAction { get; init; } = "accept";
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The lowest dossier number to take today, for a centre continuing a paper book; the database may give more.</summary>
    public int FirstSequence { get; init; } = 1;
}

public sealed record ActOnCase(string CaseId, string Action) : ICaseRequest
{
    public string? Step { get; init; }
    public ImmutableDictionary<string, string> Input { get; init; } = ImmutableDictionary<string, string>.Empty;
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new ActCommand(actor, Action) { Step = Step is null ? null : new StepId(Step), Input = Input, ExpectedVersion = ExpectedVersion };
}

public sealed record ResubmitCase(string CaseId) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) => new ResubmitCommand(actor) { ExpectedVersion = ExpectedVersion };
}

public sealed record HandUpCase(string CaseId, string To, string Reason) : ICaseRequest
{
    public string? Step { get; init; }
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new HandUpCommand(actor, To, Reason) { Step = Step is null ? null : new StepId(Step), ExpectedVersion = ExpectedVersion };
}

public sealed record ReassignCase(string CaseId, string To, string Reason) : ICaseRequest
{
    public string? Step { get; init; }
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) =>
        new ReassignCommand(actor, To, Reason) { Step = Step is null ? null : new StepId(Step), ExpectedVersion = ExpectedVersion };
}

public sealed record RescheduleCase(string CaseId, DateTimeOffset NewAppointment, string Reason) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) => new RescheduleCommand(actor, NewAppointment, Reason) { ExpectedVersion = ExpectedVersion };
}

public sealed record WithdrawCase(string CaseId, string Reason) : ICaseRequest
{
    public int? ExpectedVersion { get; init; }

    public CaseCommand ToEngine(Actor actor) => new WithdrawCommand(actor, Reason) { ExpectedVersion = ExpectedVersion };
}
