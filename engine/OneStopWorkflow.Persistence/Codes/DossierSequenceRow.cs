namespace OneStopWorkflow.Persistence.Codes;

/// <summary>
/// The last dossier number given out by a unit on a day (Circular 01/2018: a per-unit daily sequence).
/// </summary>
public sealed class DossierSequenceRow
{
    public string Unit { get; set; } = null!;

    /// <summary>The local day as yyMMdd, the middle part of the dossier code.</summary>
    public string Day { get; set; } = null!;

    public int Last { get; set; }
}
