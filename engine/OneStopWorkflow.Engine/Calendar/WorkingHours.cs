namespace OneStopWorkflow.Engine.Calendar;

/// <summary>One opening period of a working day, local time, end exclusive: 07:00–11:30.</summary>
public readonly record struct WorkingHours(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}
