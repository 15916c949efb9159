namespace OneStopWorkflow.Hosting.Audit;

/// <summary>Received, late and overdue-now cases of one unit or month.</summary>
public sealed record GroupFigures(string Key, int Received, int Late, int Overdue, decimal OnTimeRate);
