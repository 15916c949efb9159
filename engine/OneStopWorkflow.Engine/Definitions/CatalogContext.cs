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

    /// <summary>When set, cases received from this day for <see cref="Horizon"/> days must get an appointment.</summary>
    public DateOnly? Today { get; init; }

    public int Horizon { get; init; } = 30;
}
