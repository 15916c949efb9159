using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// The procedure offered as an online public service (<c>online</c> in <c>procedure.json</c>): a citizen may submit
/// its dossier with scans of the components, and a clerk of the receiving unit accepts it.
/// </summary>
public sealed record OnlineService
{
    /// <summary>
    /// A dossier that reaches the unit after its closing time, within its last working hour, or on a rest day counts
    /// from the next working day's opening (Decree 297/2025 art. 3(5)); on unless the procedure turns it off, since
    /// not every sector text says so.
    /// </summary>
    public bool AfterHoursNextDay { get; init; } = true;

    public SourceLocation Location { get; init; }

    /// <summary>
    /// The instant a dossier submitted at <paramref name="submitted"/> counts from: the next working day's opening
    /// when it came on a rest day, after the close or within the last working hour (and the rule is on), else the
    /// submission itself.
    /// </summary>
    public DateTimeOffset CountsFrom(WorkingCalendar calendar, DateTimeOffset submitted)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!AfterHoursNextDay)
        {
            return submitted;
        }

        var close = calendar.CloseOfWorkingDay(submitted);
        var local = calendar.ToLocal(submitted);
        var sameDay = DateOnly.FromDateTime(close.DateTime) == DateOnly.FromDateTime(local.DateTime);
        return sameDay && local < close.AddHours(-1) ? submitted : calendar.OpeningOfNextWorkingDay(submitted);
    }
}

/// <summary>A fee or charge (phí, lệ phí) the applicant pays, in đồng; 0 for a procedure that is free.</summary>
public sealed record Fee(LocalizedText Name, decimal Amount)
{
    /// <summary>Who is exempt, how it is paid; printed under the amount.</summary>
    public LocalizedText? Note { get; init; }
}

/// <summary>
/// What the case gives the citizen at its end (<c>result</c>): the document issued as its electronic result, and
/// whether the result itself is a paper (a certificate, a licence), which Decision 766 indicators 3.3 and 4.1 ask.
/// </summary>
public sealed record ResultDefinition(string Document, bool Paper)
{
    public SourceLocation Location { get; init; }
}
