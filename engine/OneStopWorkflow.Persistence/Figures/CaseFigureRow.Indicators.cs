namespace OneStopWorkflow.Persistence.Figures;

/// <summary>
/// The sums behind the Decision 766 indicators of the cases of one unit, procedure and day (see
/// <see cref="Engine.Runtime.CaseIndicators"/> for what each case counts for).
/// </summary>
public sealed partial class CaseFigureRow
{
    /// <summary>2.1: finished early or on time, yet late because of more than one supplement request.</summary>
    public int SupplementLate { get; set; }

    /// <summary>2.2: cases resolved or refused whose processing time counts, and its sum in working minutes.</summary>
    public int Processed { get; set; }

    public long ProcessingMinutes { get; set; }

    /// <summary>3.3: online dossiers; of a paper-result procedure only those that also got an e-result.</summary>
    public int OnlineCounted { get; set; }

    /// <summary>4.1: dossiers of procedures whose result is a paper, and those of them with an e-result.</summary>
    public int PaperResult { get; set; }

    public int EResult { get; set; }

    /// <summary>4.2: dossiers with digitised components (and their e-result where the result is a paper).</summary>
    public int Digitised { get; set; }

    /// <summary>5.4: ratings that are a complaint or "dislike" (a score of 2 or less).</summary>
    public int Complaints { get; set; }
}
