using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>A role a person holds at a unit, and the position (chức danh) printed under their name there.</summary>
public readonly record struct Membership(string Unit, string Role)
{
    /// <summary>The position at that unit as papers print it, e.g. "Công chức Một cửa"; null when unknown.</summary>
    public string? Position { get; init; }
}

/// <summary>The person issuing a command, with every role they hold at every unit.</summary>
public sealed record Actor(string User, ImmutableArray<Membership> Memberships)
{
    public static readonly Actor System = new("system", []) { Name = EventActor.SystemName };

    /// <summary>The user name of a citizen acting online; the host proves who they are (the lookup secret).</summary>
    public const string ApplicantUser = "applicant";

    /// <summary>The citizen acting online, named as the dossier names them.</summary>
    public static Actor Applicant(string name) => new(ApplicantUser, []) { Name = name };

    public bool IsApplicant => User == ApplicantUser && Memberships.IsEmpty;

    /// <summary>The person's full name as papers and timelines print it; null when not recorded.</summary>
    public string? Name { get; init; }

    public bool Holds(string unit, string role) => Memberships.Any(m => m.Unit == unit && m.Role == role);

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

/// <summary>
/// Who did something, as recorded on the trail: the user, the role they acted in, the unit, and the name and
/// position they had at that moment, so a later rename never changes printed history (the trail's hash covers
/// them).
/// </summary>
public sealed record EventActor(string User, string Role, string Unit)
{
    /// <summary>How papers and timelines name what the system did by itself, when time ran out.</summary>
    public const string SystemName = "Hệ thống (tự động)";

    /// <summary>How timelines name a citizen acting online, beside their name.</summary>
    public const string ApplicantPosition = "Người nộp hồ sơ trực tuyến";

    /// <summary>The role a citizen acting online is recorded in.</summary>
    public const string ApplicantRole = "applicant";

    /// <summary>The citizen acting online at <paramref name="unit"/>'s dossier.</summary>
    public static EventActor ApplicantAt(Actor actor, string unit)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new EventActor(Actor.ApplicantUser, ApplicantRole, unit)
        {
            Name = actor.Name, Position = ApplicantPosition,
        };
    }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Position { get; init; }

    /// <summary>The actor acting as <paramref name="role"/> at <paramref name="unit"/>, as named now.</summary>
    public static EventActor Of(Actor actor, string role, string unit)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var membership = actor.Memberships.FirstOrDefault(m => m.Unit == unit && m.Role == role);
        return new EventActor(actor.User, role, unit)
        {
            Name = actor.Name,
            Position = membership.Position ?? actor.Memberships.FirstOrDefault(m => m.Unit == unit).Position,
        };
    }
}
