using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// Where each person's day starts, after sign-in and at <c>/</c>: clerks at the counter, leaders and officers on
/// their inbox, policy staff in the designer, auditors on the audit page, admins with the users. Someone with
/// several roles lands on the first of that order.
/// </summary>
public static class Landing
{
    public static string PathFor(Actor? actor)
    {
        bool Has(string role) => actor?.Memberships.Any(m => m.Role == role) == true;
        return Has(Roles.Clerk) ? "/reception"
            : Has(Roles.Leader) ? "/inbox"
            : Has(Roles.Policy) ? "/designer"
            : Has(Roles.Auditor) ? "/audit"
            : Has(Roles.Admin) ? "/admin/users"
            : "/inbox";
    }
}
