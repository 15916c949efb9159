namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Where time is lost: tasks of a step finished within their own budget, out of those finished with one, and the
/// average working days they took.
/// </summary>
public sealed record StepFigures(
    string Procedure, string Step, int Done, int WithinBudget, decimal Rate, decimal AverageWorkingDays);
