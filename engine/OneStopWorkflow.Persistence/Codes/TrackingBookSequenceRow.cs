namespace OneStopWorkflow.Persistence.Codes;

/// <summary>
/// A unit's tracking book (Mẫu 07) for a year: the volume in use and the last order number given out in the year.
/// </summary>
public sealed class TrackingBookSequenceRow
{
    public string Unit { get; set; } = null!;

    /// <summary>The local calendar year of receipt.</summary>
    public int Year { get; set; }

    /// <summary>The volume (quyển số) now being written; order numbers continue across volumes within a year.</summary>
    public int Volume { get; set; } = 1;

    public int Last { get; set; }
}
