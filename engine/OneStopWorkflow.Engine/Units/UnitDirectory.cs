using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Units;

/// <summary>The jurisdiction tree and the roles known to it, loaded from <c>procedures/units/*.json</c>.</summary>
public sealed class UnitDirectory
{
    private readonly ImmutableDictionary<string, UnitDefinition> _units;

    public UnitDirectory(IEnumerable<UnitDefinition> units, IEnumerable<RoleDefinition> roles)
    {
        _units = units.ToImmutableDictionary(u => u.Code, StringComparer.Ordinal);
        Roles = roles.ToImmutableDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public static readonly UnitDirectory Empty = new([], []);

    public IEnumerable<UnitDefinition> Units => _units.Values.OrderBy(u => u.Code, StringComparer.Ordinal);

    public ImmutableDictionary<string, RoleDefinition> Roles { get; }

    public UnitDefinition? Find(string code) => _units.GetValueOrDefault(code);

    /// <summary>A unit's name as people read it; an unknown code is shown as it is.</summary>
    public Definitions.LocalizedText NameOf(string code) => Find(code)?.Name ?? new(code, code);

    public UnitDefinition Get(string code) =>
        Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not in the unit directory.");

    public UnitDefinition? ParentOf(string code) => Find(code)?.Parent is { } parent ? Find(parent) : null;

    /// <summary>The place name of a unit or of its nearest ancestor that has one.</summary>
    public string? PlaceOf(string code)
    {
        for (var unit = Find(code); unit is not null; unit = unit.Parent is { } p ? Find(p) : null)
        {
            if (unit.Place is { } place)
            {
                return place;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="unit"/> is <paramref name="target"/> or one of its ancestors.</summary>
    public bool IsAtOrAbove(string unit, string target)
    {
        for (var current = Find(target); current is not null; current = current.Parent is { } p ? Find(p) : null)
        {
            if (current.Code == unit)
            {
                return true;
            }
        }

        return unit == target;
    }

    /// <summary>The unit and every unit below it, at any depth, the unit first.</summary>
    public IReadOnlyList<string> SelfAndBelow(string unit)
    {
        var result = new List<string> { unit };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(_units.Values.Where(u => u.Parent == result[i]).Select(u => u.Code)
                .Order(StringComparer.Ordinal));
        }

        return result;
    }
}
