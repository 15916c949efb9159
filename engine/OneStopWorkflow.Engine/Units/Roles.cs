namespace OneStopWorkflow.Engine.Units;

/// <summary>
/// The roles the engine and the application know by name, besides the procedure roles (land-officer, …) that units
/// define: a leader may act on the tasks of its unit and the units below; read-only roles never act.
/// </summary>
public static class Roles
{
    public const string Auditor = "auditor";
    public const string Policy = "policy";
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Clerk = "clerk";

    /// <summary>
    /// How people name the application's own roles; the procedure roles and clerk and leader are titled by the unit
    /// directory.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Definitions.LocalizedText> ApplicationTitles =
        new Dictionary<string, Definitions.LocalizedText>(StringComparer.Ordinal)
        {
            [Auditor] = new("Kiểm soát viên", "Auditor"),
            [Policy] = new("Cán bộ xây dựng quy trình", "Policy staff"),
            [Admin] = new("Quản trị hệ thống", "Administrator"),
        };

    /// <summary>Roles that may read but never act on a case.</summary>
    public static readonly IReadOnlySet<string> ReadOnly =
        new HashSet<string>(StringComparer.Ordinal) { Auditor, Policy };
}
