using Mediator;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// A command on an existing case. <see cref="ExpectedVersion"/> is the case version the caller last saw.
/// </summary>
public interface ICaseRequest : ICommand<CaseResult>
{
    string CaseId { get; }

    int? ExpectedVersion { get; }

    CaseCommand ToEngine(Actor actor);
}
