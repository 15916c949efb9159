using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>A role a person holds at a unit.</summary>
public readonly record struct Membership(string Unit, string Role);

/// <summary>The person issuing a command, with every role they hold at every unit.</summary>
public sealed record Actor(string User, ImmutableArray<Membership> Memberships)
{
    public static readonly Actor System = new("system", []);

    public bool Holds(string unit, string role) => Memberships.Contains(new Membership(unit, role));

    public bool IsAt(string unit) => Memberships.Any(m => m.Unit == unit);
}

/// <summary>Who did something, as recorded on the trail: the user, the role they acted in, and the unit.</summary>
public sealed record EventActor(string User, string Role, string Unit);
