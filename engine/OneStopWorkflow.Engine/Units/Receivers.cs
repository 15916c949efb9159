using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Units;

/// <summary>
/// Which units may receive a procedure's dossiers: every unit at a level the procedure lists in
/// <c>receivableAt</c>, or every unit when it lists none. Receiving a case and the public catalogue ask the same.
/// </summary>
public static class Receivers
{
    /// <summary>Whether <paramref name="unit"/> may receive a dossier of <paramref name="procedure"/>.</summary>
    public static bool MayReceive(ProcedureDefinition procedure, UnitDefinition unit)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(unit);
        return procedure.ReceivableAt.IsEmpty || procedure.ReceivableAt.Contains(LevelName(unit.Level));
    }

    /// <summary>The units of <paramref name="units"/> that may receive <paramref name="procedure"/>, by code.</summary>
    public static IEnumerable<UnitDefinition> Of(ProcedureDefinition procedure, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Units.Where(u => MayReceive(procedure, u));
    }

    /// <summary>A level as procedure files write it: "province", "commune".</summary>
    public static string LevelName(Jurisdiction level) => level switch
    {
        Jurisdiction.Province => "province",
        Jurisdiction.Commune => "commune",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
