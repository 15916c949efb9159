using System.Collections.Immutable;
using System.Globalization;

namespace OneStopWorkflow.Engine.Calendar;

/// <summary>
/// Working time of a jurisdiction: the weekly working days and hours, and per year the public holidays and
/// make-up working days, all from data. Deadlines are computed here and nowhere else.
/// Vietnam has kept UTC+07:00 without daylight saving since 1975, so the calendar holds a fixed offset and
/// needs no time-zone database.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly ImmutableHashSet<DayOfWeek> _workingWeekdays;
    private readonly ImmutableDictionary<DateOnly, CalendarDay> _holidays;
    private readonly ImmutableDictionary<DateOnly, CalendarDay> _makeUpDays;

    public WorkingCalendar(WorkingCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Hours.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A working calendar needs at least one period of working hours.",
                nameof(options));
        }

        Name = options.Name;
        TimeZoneId = options.TimeZoneId;
        Offset = options.Offset;
        Hours = [.. options.Hours.OrderBy(h => h.Start)];
        Years = options.Years;
        _workingWeekdays = options.WorkingWeekdays;
        _holidays = options.Holidays.ToImmutableDictionary(d => d.Date);
        _makeUpDays = options.MakeUpWorkingDays.ToImmutableDictionary(d => d.Date);
        HoursPerDay = (decimal)Hours.Sum(h => h.Length.TotalHours);
    }

    public string Name { get; }

    public string TimeZoneId { get; }

    public TimeSpan Offset { get; }

    public ImmutableArray<WorkingHours> Hours { get; }

    /// <summary>The years whose holidays are known; any other year is refused.</summary>
    public ImmutableSortedSet<int> Years { get; }

    /// <summary>Working hours in one working day (8 for 07:00–11:30 and 13:30–17:00).</summary>
    public decimal HoursPerDay { get; }

    public IEnumerable<CalendarDay> Holidays => _holidays.Values.OrderBy(d => d.Date);

    public IEnumerable<CalendarDay> MakeUpWorkingDays => _makeUpDays.Values.OrderBy(d => d.Date);

    /// <summary>
    /// The instant at the calendar's offset. An instant whose local time a <see cref="DateTimeOffset"/> cannot hold
    /// (within hours of <see cref="DateTimeOffset.MaxValue"/>) lies in a year no calendar knows, and is refused as
    /// such.
    /// </summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) =>
        LocalTicks(instant) is not null
            ? instant.ToOffset(Offset)
            : throw new CalendarYearMissingException(Name, instant.UtcTicks < Offset.Ticks ? 0 : 10000);

    /// <summary>Whether the local day of <paramref name="instant"/> falls in one of the calendar's years.</summary>
    public bool Knows(DateTimeOffset instant) =>
        LocalTicks(instant) is { } ticks && Years.Contains(new DateTime(ticks, DateTimeKind.Unspecified).Year);

    private long? LocalTicks(DateTimeOffset instant)
    {
        var ticks = (decimal)instant.UtcTicks + Offset.Ticks;
        return ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks ? null : (long)ticks;
    }

    /// <summary>
    /// An instant as ISO-8601 local time with the calendar's offset: <c>2026-05-06T10:00:00+07:00</c>.
    /// </summary>
    public string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!Years.Contains(date.Year))
        {
            throw new CalendarYearMissingException(Name, date.Year);
        }

        if (_makeUpDays.ContainsKey(date))
        {
            return true;
        }

        return !_holidays.ContainsKey(date) && _workingWeekdays.Contains(date.DayOfWeek);
    }

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && Hours.Any(h => time >= h.Start && time < h.End);
    }

    /// <summary>The instant itself when it is working time, else the start of the next working period.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            foreach (var period in Hours)
            {
                if (time < period.Start)
                {
                    return At(date, period.Start);
                }

                if (time < period.End)
                {
                    return local;
                }
            }
        }

        return At(NextWorkingDay(date), Hours[0].Start);
    }

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }

    /// <summary>
    /// Adds working days the way the law counts them: the day of receipt is not counted and the result is the
    /// same clock time N working days later, counted from the next opening when the instant is outside working
    /// hours. A fraction of a day counts in working hours. Time that ends exactly at an opening ends at the close
    /// before it, as working hours do: a dossier received after hours on Friday with one working day is due at
    /// Monday's close, not at Tuesday's opening.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset instant, decimal days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = NextOpening(instant);

        // More days than any calendar's years hold run into a missing year; the cast must not overflow first.
        var whole = days >= int.MaxValue ? int.MaxValue : (int)decimal.Floor(days);
        var date = DateOnly.FromDateTime(start.DateTime);
        for (var i = 0; i < whole; i++)
        {
            date = NextWorkingDay(date);
        }

        var landed = At(date, TimeOnly.FromDateTime(start.DateTime));
        var fraction = days - whole;
        if (fraction != 0)
        {
            return AddWorkingHours(landed, fraction * HoursPerDay);
        }

        var atOpening = Hours.Any(h => h.Start == TimeOnly.FromDateTime(landed.DateTime));
        return whole > 0 && atOpening ? CloseBefore(landed) : landed;
    }

    /// <summary>
    /// The end of the working period just before an opening: the previous period's end that day, or the close of
    /// the working day before.
    /// </summary>
    private DateTimeOffset CloseBefore(DateTimeOffset opening)
    {
        var date = DateOnly.FromDateTime(opening.DateTime);
        var time = TimeOnly.FromDateTime(opening.DateTime);
        var earlier = Hours.Where(h => h.End <= time).Select(h => h.End).DefaultIfEmpty().Max();
        if (earlier != default)
        {
            return At(date, earlier);
        }

        do
        {
            date = date.AddDays(-1);
        }
        while (!IsWorkingDay(date));

        return At(date, Hours[^1].End);
    }

    /// <summary>
    /// Adds working hours, skipping lunch breaks, nights, weekends and holidays. A result that falls exactly at
    /// the close of a period is that close (17:00), never the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset instant, decimal hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var remaining = hours >= (decimal)TimeSpan.MaxValue.TotalHours
            ? TimeSpan.MaxValue
            : TimeSpan.FromTicks((long)(hours * TimeSpan.TicksPerHour));
        var cursor = NextOpening(instant);
        while (true)
        {
            var date = DateOnly.FromDateTime(cursor.DateTime);
            var time = TimeOnly.FromDateTime(cursor.DateTime);
            var period = Hours.First(h => time >= h.Start && time < h.End);
            var available = period.End - time;
            if (remaining <= available)
            {
                return cursor + remaining;
            }

            remaining -= available;
            cursor = NextOpening(At(date, period.End));
        }
    }

    /// <summary>
    /// Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var localFrom = ToLocal(from);
        var localTo = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(localFrom.DateTime);
             date <= DateOnly.FromDateTime(localTo.DateTime);
             date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var period in Hours)
            {
                var start = Max(At(date, period.Start), localFrom);
                var end = Min(At(date, period.End), localTo);
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The close of the working day an instant falls on, or of the next working day after a close.</summary>
    public DateTimeOffset CloseOfWorkingDay(DateTimeOffset instant)
    {
        var opening = NextOpening(instant);
        return At(DateOnly.FromDateTime(opening.DateTime), Hours[^1].End);
    }

    /// <summary>The start of the first working day after the one an instant falls on.</summary>
    public DateTimeOffset OpeningOfNextWorkingDay(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return At(NextWorkingDay(DateOnly.FromDateTime(local.DateTime)), Hours[0].Start);
    }

    public DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
