using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;

namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// One seeded case as the engine decides it, command by command. A refused command leaves the case as it was: the
/// seed keeps only what the engine accepts.
/// </summary>
internal sealed class SeedTrail(LoadedVersion version)
{
    private readonly List<CaseEvent> _events = [];

    public CaseState? State { get; private set; }

    public void Do(DateTimeOffset at, CaseCommand command)
    {
        var decision = Workflow.Decide(version.At(at), State, command);
        if (!decision.IsRejected)
        {
            _events.AddRange(decision.Events);
            State = decision.State;
        }
    }

    /// <summary>The case as it stands, with its next time-driven work as of <paramref name="now"/>.</summary>
    public DecidedCase Decided(DateTimeOffset now) => State is { } state
        ? new DecidedCase(state, _events, Workflow.NextTick(version.At(now), state), version.Procedure)
        : throw new InvalidOperationException($"The seeded receipt of {version.Procedure.Code} was refused.");
}
