namespace OneStopWorkflow.Faults.Running;

internal enum Verdict
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>What one scenario found: its verdict and its part of the summary line.</summary>
internal sealed record ScenarioResult(Verdict Verdict, string Figures)
{
    public static ScenarioResult Of(bool passed, string figures) =>
        new(passed ? Verdict.Passed : Verdict.Failed, passed ? figures : $"{figures} FAILED");
}
