namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The figures of the audit page whose cases can be listed, by the names that requests, links and exports use.
/// Any other name lists every case the filter covers, as <see cref="Received"/> does.
/// </summary>
public static class AuditFigure
{
    public const string Received = "received";

    /// <summary>Finished before the appointment's day, not withdrawn.</summary>
    public const string Early = "early";

    /// <summary>Finished on the appointment's day, by its time, not withdrawn.</summary>
    public const string OnTime = "on-time";

    /// <summary>Finished after the appointment, not withdrawn.</summary>
    public const string Late = "late";

    public const string Withdrawn = "withdrawn";

    /// <summary>Not finished, and paused or still before the appointment.</summary>
    public const string OpenOnTime = "open-on-time";

    /// <summary>Open (not paused) and past the appointment now.</summary>
    public const string Overdue = "overdue";
}
