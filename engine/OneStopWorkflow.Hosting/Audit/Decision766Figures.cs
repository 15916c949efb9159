using System.Collections.Immutable;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The Decision 766 indicators (Bộ chỉ số 766, Quyết định 766/QĐ-TTg) of the filtered cases: in total, by unit
/// (the unit itself and each unit below it that received cases) and, for 2.2, by procedure. Rates are in %, with
/// one decimal.
/// </summary>
public sealed record Decision766Figures(
    Decision766Group Total, ImmutableArray<Decision766Group> ByUnit, ImmutableArray<ProcessingTime> ByProcedure)
{
    public static Decision766Figures None { get; } = new(Decision766Group.None, [], []);
}

/// <summary>
/// The six indicators of one group of cases (a unit, or all; <see cref="Key"/> is the unit's code, empty for all).
/// </summary>
/// <param name="OnTime">2.1's numerator: the cases it counts early or on time.</param>
/// <param name="OnTimeRate">
/// 2.1: cases finished early or on time, or open within their appointment, and asked for a supplement at most once,
/// over the cases handled (clock started, not withdrawn).
/// </param>
/// <param name="LateBySupplements">
/// Cases 2.1 counts late only because they were asked for a supplement twice or more.
/// </param>
/// <param name="AverageWorkingDays">
/// 2.2: the average processing time of the cases resolved or refused, in working days of the unit's calendar: from
/// the clock's start to the end, less the time the clock was stopped (supplement, tax payment); null when none.
/// </param>
/// <param name="OnlineRate">
/// 3.3: online dossiers over all dossiers received; for a procedure whose result is a paper, an online dossier
/// counts only once it also got its electronic result.
/// </param>
/// <param name="EResultRate">
/// 4.1: dossiers with an electronic result over the dossiers of procedures whose result is a paper; null when none.
/// </param>
/// <param name="DigitisedRate">
/// 4.2: dossiers with digitised components (and, where the result is a paper, an electronic result) over all
/// dossiers received.
/// </param>
/// <param name="Satisfaction">
/// 5.4: 100 % − the overdue rate (100 % − 2.1) − the complaint rate (ratings of 2 or less over the dossiers
/// received), never below 0.
/// </param>
public sealed record Decision766Group(
    string Key, int Received, int Handled, int OnTime, decimal OnTimeRate, int LateBySupplements, int Processed,
    decimal? AverageWorkingDays, int Online, decimal OnlineRate, int PaperResult, int EResults, decimal? EResultRate,
    int Digitised, decimal DigitisedRate, int Complaints, decimal ComplaintRate, decimal OverdueRate,
    decimal Satisfaction)
{
    public static Decision766Group None { get; } =
        new("", 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 100);
}

/// <summary>Indicator 2.2 of one procedure: how many cases were processed and their average working days.</summary>
public sealed record ProcessingTime(string Procedure, int Processed, decimal? AverageWorkingDays);
