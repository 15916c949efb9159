namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Case counts of one unit and month, read from the day figures (received and finished) or from the open cases
/// (open on time, overdue); or the sum of several, which has no unit or month.
/// </summary>
internal sealed record CaseCounts(
    string Unit, string Month, int Received, int Handled, int Early, int OnTime, int Late, int Withdrawn, int Online,
    int Escalations, int Rated, int RatingSum, int OpenOnTime, int Overdue)
{
    private static readonly CaseCounts None = new("", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static CaseCounts Sum(IEnumerable<CaseCounts> counts) => counts.Aggregate(None, (sum, c) => new CaseCounts(
        "", "", sum.Received + c.Received, sum.Handled + c.Handled, sum.Early + c.Early, sum.OnTime + c.OnTime,
        sum.Late + c.Late, sum.Withdrawn + c.Withdrawn, sum.Online + c.Online, sum.Escalations + c.Escalations,
        sum.Rated + c.Rated, sum.RatingSum + c.RatingSum, sum.OpenOnTime + c.OpenOnTime, sum.Overdue + c.Overdue));
}
