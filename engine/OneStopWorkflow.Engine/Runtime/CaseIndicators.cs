using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// What one case counts for in the Decision 766 indicators (Quyết định 766/QĐ-TTg), worked out once, here, from
/// its state and the procedure version it is pinned to; the store keeps these facts on the case's row and sums them.
/// </summary>
/// <param name="SupplementRequests">
/// How many times the applicant was asked for a supplement after the clock started: tasks at a wait step that awaits
/// the applicant. A supplement asked for at intake (before the dossier was accepted) is not one.
/// </param>
/// <param name="ProcessingMinutes">
/// Indicator 2.2: the working minutes from the clock's start to the end of a case resolved or refused, less the
/// working time spent at wait steps that stop the clock (a supplement, a tax payment); null for a case still open,
/// withdrawn, finished before its clock started, or whose period the calendar does not cover.
/// </param>
/// <param name="Online">Submitted through the online service (channel <c>online</c>).</param>
/// <param name="EResult">An electronic result was filed (<see cref="EResultIssued"/>).</param>
/// <param name="Digitised">
/// At least one paper of the dossier was scanned (a citizen's upload or a clerk's scan).
/// </param>
/// <param name="PaperResult">The procedure's result is a paper document (<see cref="ResultDefinition.Paper"/>).</param>
public sealed record CaseIndicators(
    int SupplementRequests, int? ProcessingMinutes, bool Online, bool EResult, bool Digitised, bool PaperResult)
{
    /// <summary>The channel of a dossier submitted through the online service.</summary>
    public const string OnlineChannel = "online";

    /// <summary>
    /// The most supplement requests a case may have and still count as on time (indicator 2.1: "more than one
    /// supplement request makes the dossier overdue").
    /// </summary>
    public const int MostSupplementsOnTime = 1;

    /// <summary>The highest citizen rating (1–5) that counts as a complaint or "dislike" for indicator 5.4.</summary>
    public const int HighestComplaintScore = 2;

    /// <summary>Indicator 2.1: late whatever its dates, as it was sent back for a supplement more than once.</summary>
    public bool LateBySupplements => SupplementRequests > MostSupplementsOnTime;

    /// <summary>
    /// Indicator 3.3's numerator: an online dossier, and for a procedure whose result is a paper only one that also
    /// got its electronic result.
    /// </summary>
    public bool CountsOnline => Online && (!PaperResult || EResult);

    /// <summary>Indicator 4.1's numerator: a dossier of a paper-result procedure with its electronic result.</summary>
    public bool CountsEResult => PaperResult && EResult;

    /// <summary>
    /// Indicator 4.2's numerator: a dossier with digitised components and, where the result is a paper, an
    /// electronic result.
    /// </summary>
    public bool CountsDigitised => Digitised && (!PaperResult || EResult);

    /// <summary>Whether a citizen's rating of <paramref name="score"/> is a complaint or "dislike" (5.4).</summary>
    public static bool IsComplaint(int score) => score <= HighestComplaintScore;

    public static CaseIndicators Of(CaseState state, ProcedureDefinition procedure, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(calendar);
        var supplements = state.ClockStartedAt is { } started
            ? state.Tasks.Count(t => t.ActivatedAt >= started
                && procedure.FindStep(t.Step)?.Awaits == WaitParty.Applicant)
            : 0;
        return new CaseIndicators(
            supplements, ProcessingMinutesOf(state, procedure, calendar),
            state.Channel == OnlineChannel, state.EResultAt is not null,
            state.Received?.Any(c => c.Scans is { IsEmpty: false }) == true,
            procedure.Result?.Paper == true);
    }

    private static int? ProcessingMinutesOf(CaseState state, ProcedureDefinition procedure, WorkingCalendar calendar)
    {
        if (state is not { ClockStartedAt: { } started, FinishedAt: { } finished }
            || state.Outcome is not (Outcome.Resolved or Outcome.Refused) || finished < started)
        {
            return null;
        }

        try
        {
            var stopped = state.Tasks
                .Where(t => t.ActivatedAt >= started && t.CompletedAt is not null
                    && procedure.FindStep(t.Step) is { Kind: StepKind.Wait } step
                    && (step.Clock != ClockBehaviour.Run || step.Awaits == WaitParty.Applicant))
                .Sum(t => calendar.WorkingTimeBetween(t.ActivatedAt, t.CompletedAt!.Value).TotalMinutes);
            var total = calendar.WorkingTimeBetween(started, finished).TotalMinutes;
            return (int)Math.Round(Math.Max(0, total - stopped), MidpointRounding.AwayFromZero);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }
}
