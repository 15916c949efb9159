namespace OneStopWorkflow.Designer.Designing;

/// <summary>What a case did at a step: passed it or is there now, and the time it spent there, in words.</summary>
public sealed record TrailMark(bool Current, string Spent);
