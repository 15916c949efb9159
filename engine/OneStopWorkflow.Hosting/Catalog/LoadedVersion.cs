using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// A stored procedure version loaded for running cases: the definition, its hash, calendar and units.
/// </summary>
public sealed record LoadedVersion(
    ProcedureDefinition Procedure, string Sha256, WorkingCalendar Calendar, UnitDirectory Units)
{
    /// <summary>
    /// The decision context at <paramref name="now"/>, on the calendar's own offset so trails read in local time, and
    /// cut to whole milliseconds: PostgreSQL keeps microseconds only, and the trail's hash must read back the same.
    /// </summary>
    public DecisionContext At(DateTimeOffset now) =>
        new(Procedure, Sha256, Calendar, Units, Calendar.ToLocal(
            new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset)));
}
