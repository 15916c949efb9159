using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// What the case counts for in the Decision 766 indicators, as the engine says (<see cref="CaseIndicators"/>), copied
/// with every save so that the day figures are kept and recounted by summing columns: no rule is restated here or in
/// SQL. Flags are stored as 0 or 1, which every provider's SQL compares alike.
/// </summary>
public sealed partial class CaseRow
{
    /// <summary>Supplement requests after the clock started (<see cref="CaseIndicators.SupplementRequests"/>).
    /// </summary>
    public int SupplementRequests { get; set; }

    /// <summary>2.1: more than one supplement request makes the case late.</summary>
    public bool LateBySupplements { get; set; }

    /// <summary>2.2: working minutes of processing; null while not counted.</summary>
    public int? ProcessingMinutes { get; set; }

    /// <summary>The procedure's result is a paper: the case is in the denominator of 4.1.</summary>
    public bool PaperResult { get; set; }

    /// <summary>3.3: counts as an online dossier (<see cref="CaseIndicators.CountsOnline"/>).</summary>
    public bool CountsOnline { get; set; }

    /// <summary>4.1: counts as a dossier with its e-result (<see cref="CaseIndicators.CountsEResult"/>).</summary>
    public bool CountsEResult { get; set; }

    /// <summary>4.2: counts as a digitised dossier (<see cref="CaseIndicators.CountsDigitised"/>).</summary>
    public bool CountsDigitised { get; set; }

    /// <summary>Copies <paramref name="indicators"/> onto the row.</summary>
    internal void Copy(CaseIndicators indicators)
    {
        SupplementRequests = indicators.SupplementRequests;
        LateBySupplements = indicators.LateBySupplements;
        ProcessingMinutes = indicators.ProcessingMinutes;
        PaperResult = indicators.PaperResult;
        CountsOnline = indicators.CountsOnline;
        CountsEResult = indicators.CountsEResult;
        CountsDigitised = indicators.CountsDigitised;
    }

    /// <summary>The row with the indicator columns of <paramref name="from"/>.</summary>
    internal CaseRow WithIndicatorsOf(CaseRow from)
    {
        SupplementRequests = from.SupplementRequests;
        LateBySupplements = from.LateBySupplements;
        ProcessingMinutes = from.ProcessingMinutes;
        PaperResult = from.PaperResult;
        CountsOnline = from.CountsOnline;
        CountsEResult = from.CountsEResult;
        CountsDigitised = from.CountsDigitised;
        return this;
    }

    /// <summary>Stores the flags as integers (0 or 1), so that raw SQL compares them alike on every provider.</summary>
    internal static void ConfigureIndicators(EntityTypeBuilder<CaseRow> entity)
    {
        entity.Property(c => c.LateBySupplements).HasConversion<int>();
        entity.Property(c => c.PaperResult).HasConversion<int>();
        entity.Property(c => c.CountsOnline).HasConversion<int>();
        entity.Property(c => c.CountsEResult).HasConversion<int>();
        entity.Property(c => c.CountsDigitised).HasConversion<int>();
    }
}
