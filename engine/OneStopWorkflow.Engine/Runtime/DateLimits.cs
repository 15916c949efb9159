namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// What dates a decision accepts in date fields: <see cref="Today"/> for bounds written "today", and the years of
/// the calendar for a field that sets no bound (a notarised contract dated 9999 is a typing mistake).
/// </summary>
public readonly record struct DateLimits(DateOnly Today, DateOnly Earliest, DateOnly Latest)
{
    public static DateLimits Of(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = DateOnly.FromDateTime(context.Calendar.ToLocal(context.Now).DateTime);
        var years = context.Calendar.Years;
        return years.IsEmpty
            ? new DateLimits(today, DateOnly.MinValue, DateOnly.MaxValue)
            : new DateLimits(today, new DateOnly(years.Min, 1, 1), new DateOnly(years.Max, 12, 31));
    }
}
