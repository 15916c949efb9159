using System.Globalization;
using OneStopWorkflow.Engine.Calendar;

namespace OneStopWorkflow.Engine.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Vn = Catalog.Calendar;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-04-29T10:00:00+07:00", "3", "2026-05-06T10:00:00+07:00")] // 30/4 and 1/5 off
    [InlineData("2026-03-02T09:00:00+07:00", "1", "2026-03-03T09:00:00+07:00")] // ordinary Monday
    [InlineData("2026-03-06T09:00:00+07:00", "1", "2026-03-09T09:00:00+07:00")] // over a weekend
    [InlineData("2026-03-07T10:00:00+07:00", "1", "2026-03-09T17:00:00+07:00")] // on a Saturday: Monday's close
    [InlineData("2026-03-02T18:00:00+07:00", "1", "2026-03-03T17:00:00+07:00")] // after hours: the next close
    [InlineData("2026-03-02T17:00:00+07:00", "1", "2026-03-03T17:00:00+07:00")] // exactly at the close
    [InlineData("2026-03-02T06:00:00+07:00", "1", "2026-03-02T17:00:00+07:00")] // before opening: that day
    [InlineData("2026-03-02T12:00:00+07:00", "1", "2026-03-03T11:30:00+07:00")] // in the lunch break
    [InlineData("2026-03-02T10:00:00+07:00", "0.5", "2026-03-02T16:00:00+07:00")] // half day over lunch
    [InlineData("2026-03-02T14:00:00+07:00", "0.5", "2026-03-03T08:00:00+07:00")] // half day over the night
    [InlineData("2026-03-02T10:00:00+07:00", "1.5", "2026-03-03T16:00:00+07:00")] // one and a half
    [InlineData("2026-02-12T10:00:00+07:00", "3", "2026-02-24T10:00:00+07:00")] // across Tết Bính Ngọ
    [InlineData("2026-02-10T09:00:00+07:00", "8", "2026-02-27T09:00:00+07:00")] // land transfer across Tết
    [InlineData("2025-12-31T10:00:00+07:00", "1", "2026-01-05T10:00:00+07:00")] // New Year 2026 and its swap day
    [InlineData("2026-01-09T10:00:00+07:00", "1", "2026-01-10T10:00:00+07:00")] // make-up Saturday 10/01/2026
    [InlineData("2026-01-10T09:00:00+07:00", "1", "2026-01-12T09:00:00+07:00")] // received on the make-up Saturday
    [InlineData("2026-04-24T10:00:00+07:00", "1", "2026-04-28T10:00:00+07:00")] // Hùng Kings on Sunday, Monday off
    [InlineData("2026-08-21T10:00:00+07:00", "1", "2026-08-22T10:00:00+07:00")] // make-up Saturday 22/8/2026
    [InlineData("2026-08-28T10:00:00+07:00", "1", "2026-09-03T10:00:00+07:00")] // National Day 2026, 31/8 off
    [InlineData("2026-02-13T18:00:00+07:00", "1", "2026-02-23T17:00:00+07:00")] // after hours before Tết
    [InlineData("2025-01-01T10:00:00+07:00", "1", "2025-01-02T17:00:00+07:00")] // on New Year's Day 2025
    [InlineData("2025-01-24T10:00:00+07:00", "1", "2025-02-03T10:00:00+07:00")] // across Tết Ất Tỵ
    [InlineData("2025-04-04T10:00:00+07:00", "1", "2025-04-08T10:00:00+07:00")] // Hùng Kings 2025
    [InlineData("2025-04-25T10:00:00+07:00", "1", "2025-04-26T10:00:00+07:00")] // make-up Saturday 26/4/2025
    [InlineData("2025-04-29T10:00:00+07:00", "1", "2025-05-05T10:00:00+07:00")] // 30/4, 1/5 and the 2/5 swap
    [InlineData("2025-08-29T10:00:00+07:00", "1", "2025-09-03T10:00:00+07:00")] // National Day 2025
    [InlineData("2025-12-30T10:00:00+07:00", "2", "2026-01-05T10:00:00+07:00")] // across the year end
    [InlineData("2026-03-02T03:00:00+00:00", "1", "2026-03-03T10:00:00+07:00")] // an instant given in UTC
    [InlineData("2026-03-02T10:00:00+07:00", "0", "2026-03-02T10:00:00+07:00")] // zero days: the instant itself
    public void Adds_working_days(string from, string days, string expected)
    {
        var due = Vn.AddWorkingDays(At(from), decimal.Parse(days, CultureInfo.InvariantCulture));

        Assert.Equal(At(expected), due);
        Assert.Equal(TimeSpan.FromHours(7), Vn.ToLocal(due).Offset);
    }

    [Theory]
    [InlineData("2026-03-02T07:00:00+07:00", "8", "2026-03-02T17:00:00+07:00")] // a full day ends at the close
    [InlineData("2026-03-02T13:00:00+07:00", "3.5", "2026-03-02T17:00:00+07:00")] // lands exactly on 17:00
    [InlineData("2026-03-02T07:00:00+07:00", "4.5", "2026-03-02T11:30:00+07:00")] // lands exactly on 11:30
    [InlineData("2026-03-02T11:30:00+07:00", "1", "2026-03-02T14:30:00+07:00")] // starts at lunch
    [InlineData("2026-03-06T16:00:00+07:00", "2", "2026-03-09T08:00:00+07:00")] // over a weekend
    [InlineData("2026-02-13T16:00:00+07:00", "2", "2026-02-23T08:00:00+07:00")] // over Tết
    [InlineData("2026-03-02T10:15:00+07:00", "0.25", "2026-03-02T10:30:00+07:00")] // a quarter hour
    public void Adds_working_hours(string from, string hours, string expected)
    {
        Assert.Equal(At(expected), Vn.AddWorkingHours(At(from), decimal.Parse(hours, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-02T07:00:00+07:00", "2026-03-02T17:00:00+07:00", 8)]
    [InlineData("2026-03-06T16:00:00+07:00", "2026-03-09T08:00:00+07:00", 2)]
    [InlineData("2026-02-13T07:00:00+07:00", "2026-02-23T07:00:00+07:00", 8)]
    [InlineData("2026-03-02T12:00:00+07:00", "2026-03-02T13:30:00+07:00", 0)]
    [InlineData("2026-03-03T10:00:00+07:00", "2026-03-02T10:00:00+07:00", 0)]
    [InlineData("2026-01-09T07:00:00+07:00", "2026-01-12T07:00:00+07:00", 16)]
    public void Measures_working_time_between_instants(string from, string to, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Vn.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    [InlineData("2026-01-10T09:00:00+07:00", true)] // make-up Saturday
    [InlineData("2026-01-17T09:00:00+07:00", false)] // ordinary Saturday
    [InlineData("2026-02-17T09:00:00+07:00", false)] // Tết
    [InlineData("2026-03-02T12:00:00+07:00", false)] // lunch
    [InlineData("2026-03-02T11:29:59+07:00", true)]
    [InlineData("2026-03-02T17:00:00+07:00", false)] // the close itself is not working time
    public void Tells_working_time(string instant, bool expected)
    {
        Assert.Equal(expected, Vn.IsWorkingTime(At(instant)));
    }

    [Fact]
    public void Refuses_a_year_without_data_instead_of_guessing()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(
            () => Vn.AddWorkingDays(At("2026-12-30T10:00:00+07:00"), 3));

        Assert.Equal(2027, ex.Year);
        Assert.Contains("OSW3002", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knows_every_holiday_and_make_up_day_of_2025_and_2026()
    {
        Assert.Equal(26, Vn.Holidays.Count());
        Assert.Equal(
            [new DateOnly(2025, 4, 26), new DateOnly(2026, 1, 10), new DateOnly(2026, 8, 22)],
            Vn.MakeUpWorkingDays.Select(d => d.Date));
        Assert.Equal(8m, Vn.HoursPerDay);
    }
}
