namespace OneStopWorkflow.Hosting.Security;

/// <summary>The application roles besides the procedure roles (clerk, land-officer, …) that units define.</summary>
public static class Roles
{
    public const string Auditor = "auditor";
    public const string Policy = "policy";
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Clerk = "clerk";

    /// <summary>Roles that may read but never act on a case.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal) { Auditor, Policy };
}
