namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// The deadline figures of the cases one unit received for one procedure on one day, kept up to date with every
/// saved decision, so that a province-year report sums a few thousand rows instead of reading every case.
/// What depends on the moment of asking (open, overdue) is not here: it is read from the open cases.
/// </summary>
public sealed partial class CaseFigureRow
{
    public string Unit { get; set; } = null!;
    public string ProcedureCode { get; set; } = null!;

    /// <summary>The day the cases were received, "yyyy-MM-dd" in the calendar's time zone.</summary>
    public string Day { get; set; } = null!;

    public int Received { get; set; }

    /// <summary>Received with an appointment and not withdrawn: the cases a deadline is judged on.</summary>
    public int Handled { get; set; }

    public int Early { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int Withdrawn { get; set; }
    public int Online { get; set; }
    public int Escalations { get; set; }

    /// <summary>How many of the cases the citizen rated, and the sum of their scores (1–5).</summary>
    public int Rated { get; set; }

    public int RatingSum { get; set; }
}
