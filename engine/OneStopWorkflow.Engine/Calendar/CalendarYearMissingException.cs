namespace OneStopWorkflow.Engine.Calendar;

/// <summary>
/// A deadline needs a year the calendar has no holiday data for. The engine never guesses holidays:
/// the year must be added to the calendar file.
/// </summary>
public sealed class CalendarYearMissingException : InvalidOperationException
{
    public CalendarYearMissingException(string calendar, int year)
        : base($"OSW3002: calendar '{calendar}' has no data for {year}; add {year}'s holidays and make-up working "
            + "days to the calendar file before deadlines can be computed in that year.")
    {
        Calendar = calendar;
        Year = year;
    }

    public CalendarYearMissingException()
        : this("?", 0)
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
        Calendar = "?";
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Calendar = "?";
    }

    public string Calendar { get; }

    public int Year { get; }
}
