using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// Who may see and act on what: a case is visible to people of the units it touched (receiving unit, every
/// task's units) and of the units above them; admins see all. A case the caller may not read answers exactly as
/// an unknown case does, so a refusal never tells where a case is.
/// </summary>
public static class CaseAccess
{
    public static readonly Rejection Anonymous = Rejection.Of(RejectionCodes.Unauthenticated);

    public static bool CanRead(Actor? actor, CaseState state, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(units);
        if (actor is null || actor.Memberships.IsEmpty)
        {
            return false;
        }

        var touched = state.Tasks.SelectMany(t => t.UnitHistory).Append(state.ReceivingUnit)
            .ToHashSet(StringComparer.Ordinal);
        return actor.Memberships.Any(m => m.Role == Roles.Admin || touched.Any(u => units.IsAtOrAbove(m.Unit, u)));
    }

    /// <summary>
    /// Refuses read-only callers (auditors, policy staff). Whether a person may work a given task (role at the
    /// task's unit, or a leader above it) is the engine's call.
    /// </summary>
    public static Rejection? CanAct(Actor actor, string variant = "act")
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsReadOnly
            ? Rejection.Of(RejectionCodes.ReadOnly, variant).With("actor", Authorization.Describe(actor))
            : null;
    }

    /// <summary>The answer for a case that does not exist or that the caller may not read.</summary>
    public static Rejection NotFound(string caseId) =>
        Rejection.Of(RejectionCodes.NotFound).With("case", Quote(caseId));

    /// <summary>At most 100 characters of what the caller sent, so a refusal never echoes a huge input.</summary>
    public static string Quote(string text) => TextInput.Quote(text);
}
