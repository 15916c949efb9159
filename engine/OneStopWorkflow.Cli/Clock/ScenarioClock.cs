namespace OneStopWorkflow.Cli.Clock;

/// <summary>The clock of a stored scenario: each command happens at the instant the scenario gives it.</summary>
internal sealed class ScenarioClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
