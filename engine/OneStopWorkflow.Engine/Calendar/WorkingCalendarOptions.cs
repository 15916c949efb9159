using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Calendar;

/// <summary>Everything a <see cref="WorkingCalendar"/> is made from; usually read from a calendar file.</summary>
public sealed record WorkingCalendarOptions
{
    public required string Name { get; init; }
    public string TimeZoneId { get; init; } = "Asia/Ho_Chi_Minh";
    public TimeSpan Offset { get; init; } = TimeSpan.FromHours(7);

    public ImmutableHashSet<DayOfWeek> WorkingWeekdays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public ImmutableArray<WorkingHours> Hours { get; init; } =
        [new(new TimeOnly(7, 0), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(17, 0))];

    public required ImmutableSortedSet<int> Years { get; init; }
    public ImmutableArray<CalendarDay> Holidays { get; init; } = [];
    public ImmutableArray<CalendarDay> MakeUpWorkingDays { get; init; } = [];
}
