using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>Everything a decision depends on besides the case and the command: all data, no services.</summary>
public sealed record DecisionContext(
    ProcedureDefinition Procedure, string ProcedureHash, WorkingCalendar Calendar, UnitDirectory Units,
    DateTimeOffset Now);
