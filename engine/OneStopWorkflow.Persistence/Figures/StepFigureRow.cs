namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// The finished tasks with a deadline of one step, for the cases one unit received for one procedure on one day:
/// how many, how many within their deadline, and the working hours they took.
/// </summary>
public sealed class StepFigureRow
{
    public string Unit { get; set; } = null!;
    public string ProcedureCode { get; set; } = null!;
    public string Day { get; set; } = null!;
    public string Step { get; set; } = null!;
    public int Done { get; set; }
    public int WithinDue { get; set; }

    /// <summary>
    /// The sum of the working hours of the tasks whose hours are known (<see cref="Timed"/> of them).
    /// </summary>
    public double Hours { get; set; }

    public int Timed { get; set; }
}
