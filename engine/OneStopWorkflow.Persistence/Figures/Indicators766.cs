namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// What cases add to the sums behind the Decision 766 indicators of a <c>case_figures</c> row (see
/// <see cref="CaseFigureRow"/>'s members of the same names). Complaints come with ratings, not with a save.
/// </summary>
public readonly record struct Indicators766(
    int SupplementLate, int Processed, long ProcessingMinutes, int OnlineCounted, int PaperResult, int EResult,
    int Digitised)
{
    public static Indicators766 operator +(Indicators766 a, Indicators766 b) => new(
        a.SupplementLate + b.SupplementLate, a.Processed + b.Processed, a.ProcessingMinutes + b.ProcessingMinutes,
        a.OnlineCounted + b.OnlineCounted, a.PaperResult + b.PaperResult, a.EResult + b.EResult,
        a.Digitised + b.Digitised);

    public static Indicators766 operator -(Indicators766 a, Indicators766 b) => new(
        a.SupplementLate - b.SupplementLate, a.Processed - b.Processed, a.ProcessingMinutes - b.ProcessingMinutes,
        a.OnlineCounted - b.OnlineCounted, a.PaperResult - b.PaperResult, a.EResult - b.EResult,
        a.Digitised - b.Digitised);
}

public static partial class DayFigures
{
    /// <summary>The <c>case_figures</c> columns of the Decision 766 sums, in the order statements list them.</summary>
    internal const string IndicatorColumns =
        "supplement_late, processed, processing_minutes, online_counted, paper_result, e_result, digitised, complaints";

    /// <summary>The additions of an UPSERT's <c>ON CONFLICT</c> for <see cref="IndicatorColumns"/>.</summary>
    internal const string IndicatorUpdates = """
        supplement_late = case_figures.supplement_late + excluded.supplement_late,
            processed = case_figures.processed + excluded.processed,
            processing_minutes = case_figures.processing_minutes + excluded.processing_minutes,
            online_counted = case_figures.online_counted + excluded.online_counted,
            paper_result = case_figures.paper_result + excluded.paper_result,
            e_result = case_figures.e_result + excluded.e_result,
            digitised = case_figures.digitised + excluded.digitised,
            complaints = case_figures.complaints + excluded.complaints
        """;
}
