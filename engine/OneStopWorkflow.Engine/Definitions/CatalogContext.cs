using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// What a procedure version is checked against: the unit directory, the calendars, the shared templates, and
/// the date from which deadlines must be computable (so a calendar that lacks a needed year is reported).
/// </summary>
public sealed record CatalogContext
{
    public UnitDirectory Units { get; init; } = UnitDirectory.Empty;
    public ImmutableDictionary<string, WorkingCalendar> Calendars { get; init; } =
        ImmutableDictionary<string, WorkingCalendar>.Empty;

    /// <summary>Shared templates by file name (<c>receipt.sbn-html</c>), with their text.</summary>
    public ImmutableDictionary<string, string> SharedTemplates { get; init; } =
        ImmutableDictionary<string, string>.Empty;

    /// <summary>Logical folder of the shared templates, for diagnostics.</summary>
    public string SharedTemplatesFolder { get; init; } = "templates/";

    /// <summary>
    /// When set, cases received from this day for <see cref="Horizon"/> days must get an appointment.
    /// </summary>
    public DateOnly? Today { get; init; }

    public int Horizon { get; init; } = 30;

    /// <summary>
    /// The calendar working time at <paramref name="unit"/> is counted on. Every unit works on the one national
    /// calendar of the catalog; a unit with a calendar of its own would be answered here.
    /// </summary>
    public WorkingCalendar CalendarOf(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Calendars.Count == 0
            ? throw new InvalidOperationException("The catalog has no calendar; add one to its calendars folder.")
            : Calendars.OrderBy(c => c.Key, StringComparer.Ordinal).First().Value;
    }
}
