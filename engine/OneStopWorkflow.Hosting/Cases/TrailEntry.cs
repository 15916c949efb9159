namespace OneStopWorkflow.Hosting.Cases;

/// <summary>One entry of a case's trail as an auditor reads it.</summary>
public sealed record TrailEntry(
    int Sequence, string Type, DateTimeOffset At, string User, string Role, string Unit, string Payload, string Hash);
