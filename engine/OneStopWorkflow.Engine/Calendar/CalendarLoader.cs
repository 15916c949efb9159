using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;

namespace OneStopWorkflow.Engine.Calendar;

/// <summary>Loads a calendar file (<c>procedures/calendars/*.json</c>); problems are OSW3xxx diagnostics.</summary>
public static class CalendarLoader
{
    public static (WorkingCalendar? Calendar, ImmutableArray<Diagnostic> Diagnostics) Load(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new DiagnosticBag();
        var reader = ObjectReader.For(JsonTreeReader.Read(json, path, diagnostics), diagnostics);
        if (reader is null)
        {
            return (null, diagnostics.ToImmutable());
        }

        var name = reader.RequiredString("name");
        reader.OptionalText("title");
        var zone = reader.OptionalString("timeZone") ?? "Asia/Ho_Chi_Minh";
        var offset = ReadOffset(reader);
        var weekdays = ReadWeekdays(reader);
        var hours = ReadHours(reader);
        var holidays = ImmutableArray.CreateBuilder<CalendarDay>();
        var makeUp = ImmutableArray.CreateBuilder<CalendarDay>();
        var years = ImmutableSortedSet.CreateBuilder<int>();
        if (ObjectReader.For(reader.Required("years"), diagnostics) is { } yearsReader)
        {
            foreach (var property in yearsReader.Node.Properties)
            {
                ReadYear(property, yearsReader, years, holidays, makeUp);
            }
        }

        reader.Finish();
        if (diagnostics.HasErrors || name is null)
        {
            return (null, diagnostics.ToImmutable());
        }

        var calendar = new WorkingCalendar(new WorkingCalendarOptions
        {
            Name = name, TimeZoneId = zone, Offset = offset, WorkingWeekdays = weekdays, Hours = hours,
            Years = years.ToImmutable(), Holidays = holidays.ToImmutable(), MakeUpWorkingDays = makeUp.ToImmutable(),
        });
        return (calendar, diagnostics.ToImmutable());
    }

    private static TimeSpan ReadOffset(ObjectReader reader)
    {
        var node = reader.Optional("utcOffset");
        var text = reader.AsString(node) ?? "+07:00";
        if (TimeSpan.TryParseExact(text.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out var offset))
        {
            return text.StartsWith('-') ? -offset : offset;
        }

        reader.Diagnostics.Error("OSW3001", $"utcOffset '{text}' must look like +07:00.", node!.Location);
        return TimeSpan.FromHours(7);
    }

    private static ImmutableHashSet<DayOfWeek> ReadWeekdays(ObjectReader reader)
    {
        var node = reader.Optional("workingWeekdays");
        if (node is null)
        {
            return [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        }

        var days = ImmutableHashSet.CreateBuilder<DayOfWeek>();
        foreach (var item in node is JsonArrayNode array ? array.Items : [])
        {
            if (reader.AsEnum<DayOfWeek>(item) is { } day)
            {
                days.Add(day);
            }
        }

        return days.ToImmutable();
    }

    private static ImmutableArray<WorkingHours> ReadHours(ObjectReader reader)
    {
        var result = ImmutableArray.CreateBuilder<WorkingHours>();
        foreach (var item in reader.OptionalArray("hours"))
        {
            var pair = item as JsonArrayNode;
            var start = pair is { Items.Length: 2 } ? Time(reader, pair.Items[0]) : null;
            var end = pair is { Items.Length: 2 } ? Time(reader, pair.Items[1]) : null;
            if (start is null || end is null || end <= start)
            {
                reader.Diagnostics.Error("OSW3001",
                    $"{item.Path} must be a pair of times [\"07:00\", \"11:30\"] with the end after the start.",
                    item.Location);
                continue;
            }

            result.Add(new WorkingHours(start.Value, end.Value));
        }

        if (result.Count == 0)
        {
            result.Add(new WorkingHours(new TimeOnly(7, 0), new TimeOnly(11, 30)));
            result.Add(new WorkingHours(new TimeOnly(13, 30), new TimeOnly(17, 0)));
        }

        return result.ToImmutable();
    }

    private static TimeOnly? Time(ObjectReader reader, JsonNode node) =>
        reader.AsString(node) is { } text
        && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    private static void ReadYear(
        JsonPropertyNode property, ObjectReader parent, ImmutableSortedSet<int>.Builder years,
        ImmutableArray<CalendarDay>.Builder holidays, ImmutableArray<CalendarDay>.Builder makeUp)
    {
        var diagnostics = parent.Diagnostics;
        if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1990 || year > 2200)
        {
            diagnostics.Error("OSW3001", $"'{property.Name}' is not a year; use keys such as \"2026\".",
                property.NameLocation);
            return;
        }

        years.Add(year);
        var reader = ObjectReader.For(property.Value, diagnostics);
        if (reader is null)
        {
            return;
        }

        holidays.AddRange(ReadDays(reader, "holidays", year));
        makeUp.AddRange(ReadDays(reader, "makeUpWorkingDays", year));
        reader.Finish();
    }

    private static IEnumerable<CalendarDay> ReadDays(ObjectReader yearReader, string name, int year)
    {
        foreach (var item in yearReader.OptionalArray(name))
        {
            var reader = ObjectReader.For(item, yearReader.Diagnostics);
            if (reader is null)
            {
                continue;
            }

            var dateNode = reader.Required("date");
            var text = reader.AsString(dateNode);
            var label = reader.RequiredString("name") ?? "";
            reader.OptionalString("basis");
            reader.Finish();
            if (text is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date) || date.Year != year)
            {
                yearReader.Diagnostics.Error("OSW3003",
                    $"{dateNode!.Path} is '{text}'; it must be a date of {year} written yyyy-MM-dd.",
                    dateNode.Location);
                continue;
            }

            yield return new CalendarDay(date, label);
        }
    }
}
