using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// Who may see and act on what, checked in the handlers: a case is visible to people of the units it touched
/// (receiving unit, every task's units) and of the units above them; admins see all.
/// </summary>
public static class CaseAccess
{
    public static readonly Rejection Anonymous = new("unauthenticated", "Sign in first: this needs a known user.");

    public static Rejection? CanRead(Actor? actor, CaseState state, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (actor is null || actor.Memberships.IsEmpty)
        {
            return Anonymous;
        }

        var touched = state.Tasks.SelectMany(t => t.UnitHistory).Append(state.ReceivingUnit).ToHashSet(StringComparer.Ordinal);
        return actor.Memberships.Any(m => m.Role == Roles.Admin || touched.Any(u => IsAtOrAbove(m.Unit, u, units)))
            ? null
            : new Rejection("forbidden", $"Case {state.DossierCode} is not handled by any of your units; you cannot see it.");
    }

    /// <summary>
    /// Refuses anonymous callers and read-only roles. Whether a person may work a given task (role at the task's
    /// unit, or a leader above it) is the engine's call, which names the step and its owner in its refusal.
    /// </summary>
    public static Rejection? CanAct(Actor? actor)
    {
        if (actor is null || actor.Memberships.IsEmpty)
        {
            return Anonymous;
        }

        return actor.Memberships.All(m => Roles.ReadOnly.Contains(m.Role))
            ? new Rejection("read-only", $"{Authorization.Describe(actor)} may read cases but not act on them.")
            : null;
    }

    /// <summary>True when <paramref name="unit"/> is <paramref name="target"/> or one of its ancestors.</summary>
    public static bool IsAtOrAbove(string unit, string target, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        for (var current = units.Find(target); current is not null; current = current.Parent is { } p ? units.Find(p) : null)
        {
            if (current.Code == unit)
            {
                return true;
            }
        }

        return unit == target;
    }
}
