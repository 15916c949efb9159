using System.Collections.Immutable;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>A role a person holds at a unit.</summary>
public readonly record struct Membership(string Unit, string Role);

/// <summary>The person issuing a command, with every role they hold at every unit.</summary>
public sealed record Actor(string User, ImmutableArray<Membership> Memberships)
{
    public static readonly Actor System = new("system", []);

    public bool Holds(string unit, string role) => Memberships.Contains(new Membership(unit, role));

    public bool IsAt(string unit) => Memberships.Any(m => m.Unit == unit);

    /// <summary>
    /// True when every role the actor holds is read-only (auditor, policy): such a person never acts.
    /// </summary>
    public bool IsReadOnly => Memberships.All(m => Roles.ReadOnly.Contains(m.Role));

    /// <summary>
    /// The actor without read-only memberships: an auditor at one unit who is a clerk at another acts only as the
    /// clerk, never "as auditor".
    /// </summary>
    public Actor Operational() =>
        this with { Memberships = [.. Memberships.Where(m => !Roles.ReadOnly.Contains(m.Role))] };
}

/// <summary>Who did something, as recorded on the trail: the user, the role they acted in, and the unit.</summary>
public sealed record EventActor(string User, string Role, string Unit);
