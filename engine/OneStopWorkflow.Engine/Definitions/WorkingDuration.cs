namespace OneStopWorkflow.Engine.Definitions;

/// <summary>The unit a <see cref="WorkingDuration"/> is written in.</summary>
public enum DurationUnit
{
    WorkingDays,
    WorkingHours,
}

/// <summary>
/// An amount of working time as the law writes it: "8 working days", "0.5 working day", "4 working hours".
/// Fractions of a day count in working hours on the calendar.
/// </summary>
public readonly record struct WorkingDuration(decimal Amount, DurationUnit Unit)
{
    public static WorkingDuration Days(decimal amount) => new(amount, DurationUnit.WorkingDays);

    public static WorkingDuration Hours(decimal amount) => new(amount, DurationUnit.WorkingHours);

    public static readonly WorkingDuration Zero = Hours(0);

    /// <summary>The duration in working hours, given how many hours make a working day.</summary>
    public decimal ToHours(decimal hoursPerDay) => Unit == DurationUnit.WorkingDays ? Amount * hoursPerDay : Amount;

    public override string ToString() => Unit == DurationUnit.WorkingDays ? $"{Amount} WD" : $"{Amount} WH";
}
