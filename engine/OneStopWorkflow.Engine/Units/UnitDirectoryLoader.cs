using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;

namespace OneStopWorkflow.Engine.Units;

/// <summary>Loads a units file; bad content gives OSW1201–OSW1209 diagnostics, never an exception.</summary>
public static class UnitDirectoryLoader
{
    public static (UnitDirectory? Directory, ImmutableArray<Diagnostic> Diagnostics) Load(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new DiagnosticBag();
        var reader = ObjectReader.For(JsonTreeReader.Read(json, path, diagnostics), diagnostics);
        if (reader is null)
        {
            return (null, diagnostics.ToImmutable());
        }

        var roles = reader.OptionalArray("roles").Select(n => ReadRole(n, diagnostics))
            .OfType<RoleDefinition>().ToList();
        var units = reader.OptionalArray("units").Select(n => ReadUnit(n, diagnostics))
            .OfType<UnitDefinition>().ToList();
        reader.OptionalText("title");
        reader.Finish();
        CheckTree(units, diagnostics);
        return diagnostics.HasErrors
            ? (null, diagnostics.ToImmutable())
            : (new UnitDirectory(units, roles), diagnostics.ToImmutable());
    }

    private static RoleDefinition? ReadRole(JsonNode node, DiagnosticBag diagnostics)
    {
        var reader = ObjectReader.For(node, diagnostics);
        if (reader is null)
        {
            return null;
        }

        var code = reader.RequiredString("code");
        var title = reader.RequiredText("title");
        reader.Finish();
        return code is null || title is null ? null : new RoleDefinition(code, title);
    }

    private static UnitDefinition? ReadUnit(JsonNode node, DiagnosticBag diagnostics)
    {
        var reader = ObjectReader.For(node, diagnostics);
        if (reader is null)
        {
            return null;
        }

        var code = reader.RequiredString("code");
        var name = reader.RequiredText("name");
        var level = reader.RequiredEnum<Jurisdiction>("level");
        var kind = reader.RequiredString("kind");
        var parent = reader.OptionalString("parent");
        var remote = reader.OptionalBoolean("remote");
        var place = reader.OptionalString("place");
        reader.Finish();
        if (code is null || name is null || level is null || kind is null)
        {
            return null;
        }

        return new UnitDefinition
        {
            Code = code, Name = name, Level = level.Value, Kind = kind, Parent = parent, Remote = remote, Place = place,
            Location = node.Location,
        };
    }

    private static void CheckTree(List<UnitDefinition> units, DiagnosticBag diagnostics)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (!codes.Add(unit.Code))
            {
                diagnostics.Error("OSW1206", $"Unit code '{unit.Code}' is used twice; unit codes must be unique.",
                    unit.Location);
            }
        }

        foreach (var unit in units.Where(u => u.Parent is not null && !codes.Contains(u.Parent)))
        {
            var hint = Spelling.Suggest(unit.Parent!, codes) is { } s ? $" Did you mean '{s}'?" : "";
            diagnostics.Error("OSW1207", $"Unit '{unit.Code}' names unknown parent '{unit.Parent}'.{hint}",
                unit.Location);
        }
    }
}
