using System.Globalization;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// The earliest or latest date a date field accepts: a fixed day (<c>"2000-01-01"</c>) or <c>"today"</c>, the local
/// day of the decision (the engine reads no clock: today comes from the decision's Now).
/// </summary>
public sealed record DateBound(DateOnly? Day)
{
    public static readonly DateBound Today = new((DateOnly?)null);

    /// <summary>The bound on the day <paramref name="today"/>.</summary>
    public DateOnly On(DateOnly today) => Day ?? today;

    /// <summary>As the procedure file writes it.</summary>
    public override string ToString() =>
        Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "today";

    /// <summary>A bound as written in a procedure file, or null when the text is neither a date nor "today".</summary>
    public static DateBound? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text == "today" ? Today
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new DateBound(d)
                : null;
    }
}
