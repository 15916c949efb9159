using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Json;

/// <summary>
/// Reads the properties of one JSON object, reporting missing, mistyped and unknown ones (with a
/// "did you mean") instead of throwing. Call <see cref="Finish"/> once every known property was asked for.
/// </summary>
internal sealed class ObjectReader
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public ObjectReader(JsonObjectNode node, DiagnosticBag diagnostics)
    {
        Node = node;
        Diagnostics = diagnostics;
    }

    public JsonObjectNode Node { get; }

    public DiagnosticBag Diagnostics { get; }

    public SourceLocation Location => Node.Location;

    public static ObjectReader? For(JsonNode? node, DiagnosticBag diagnostics)
    {
        if (node is JsonObjectNode obj)
        {
            return new ObjectReader(obj, diagnostics);
        }

        if (node is not null)
        {
            diagnostics.Error("OSW1004", $"{node.Path} must be an object but is {node.KindName}.", node.Location);
        }

        return null;
    }

    public JsonNode? Optional(string name)
    {
        _known.Add(name);
        return Node.Find(name)?.Value;
    }

    public JsonNode? Required(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            Diagnostics.Add(
                Diagnostic.Error("OSW1003", $"Property '{name}' is required in {Node.Path}; add it.", Location)
                    .As("property").With("property", name));
        }

        return value;
    }

    public string? RequiredString(string name) => AsString(Required(name));

    public string? OptionalString(string name) => AsString(Optional(name));

    public decimal? OptionalNumber(string name) => AsNumber(Optional(name));

    public decimal? RequiredNumber(string name) => AsNumber(Required(name));

    public bool OptionalBoolean(string name)
    {
        var node = Optional(name);
        if (node is JsonBooleanNode b)
        {
            return b.Value;
        }

        if (node is not null)
        {
            WrongType(node, "true or false");
        }

        return false;
    }

    public ImmutableArray<JsonNode> OptionalArray(string name)
    {
        var node = Optional(name);
        return node switch
        {
            null => [],
            JsonArrayNode array => array.Items,
            _ => WrongTypeArray(node),
        };
    }

    public ImmutableArray<string> OptionalStrings(string name) =>
        [.. OptionalArray(name).Select(AsString).OfType<string>()];

    public LocalizedText? RequiredText(string name) => AsText(Required(name));

    public LocalizedText? OptionalText(string name) => AsText(Optional(name));

    public TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var node = Optional(name);
        return node is null ? null : AsEnum<TEnum>(node);
    }

    public TEnum? RequiredEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var node = Required(name);
        return node is null ? null : AsEnum<TEnum>(node);
    }

    public TEnum? AsEnum<TEnum>(JsonNode node)
        where TEnum : struct, Enum
    {
        var text = AsString(node);
        if (text is null)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Names.Kebab(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var names = Enum.GetValues<TEnum>().Select(v => Names.Kebab(v.ToString())).ToList();
        var hint = Spelling.Suggest(text, names) is { } s ? $" Did you mean '{s}'?" : "";
        Diagnostics.Error("OSW1004",
            $"{node.Path} is '{text}', which is not one of: {string.Join(", ", names)}.{hint}", node.Location);
        return null;
    }

    public WorkingDuration? OptionalDuration(string name)
    {
        var node = Optional(name);
        return node is null ? null : AsDuration(node);
    }

    public WorkingDuration? AsDuration(JsonNode node)
    {
        var reader = For(node, Diagnostics);
        if (reader is null)
        {
            return null;
        }

        var days = reader.Optional("workingDays");
        var hours = reader.Optional("workingHours");
        reader.Finish();
        if ((days is null) == (hours is null))
        {
            Diagnostics.Error("OSW1301",
                $"{node.Path} must give exactly one of 'workingDays' or 'workingHours', e.g. {{ \"workingDays\": 3 }}.",
                node.Location);
            return null;
        }

        var amountNode = days ?? hours!;
        if (amountNode is not JsonNumberNode number)
        {
            Diagnostics.Error("OSW1301",
                $"{amountNode.Path} must be a number of working {(days is null ? "hours" : "days")}, "
                + $"not {amountNode.KindName}.",
                amountNode.Location);
            return null;
        }

        if (number.Value < 0)
        {
            Diagnostics.Error("OSW1301", $"{amountNode.Path} is {number.Value}; a duration cannot be negative.",
                amountNode.Location);
            return null;
        }

        return days is null ? WorkingDuration.Hours(number.Value) : WorkingDuration.Days(number.Value);
    }

    public string? AsString(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonStringNode s:
                return s.Value;
            default:
                WrongType(node, "a string");
                return null;
        }
    }

    public decimal? AsNumber(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonNumberNode n:
                return n.Value;
            default:
                WrongType(node, "a number");
                return null;
        }
    }

    public LocalizedText? AsText(JsonNode? node)
    {
        if (node is JsonStringNode plain)
        {
            return new LocalizedText(plain.Value, plain.Value);
        }

        var reader = For(node, Diagnostics);
        if (reader is null)
        {
            return null;
        }

        var vi = reader.RequiredString("vi");
        var en = reader.OptionalString("en");
        reader.Finish();
        return vi is null ? null : new LocalizedText(vi, en ?? vi);
    }

    public void Finish()
    {
        foreach (var property in Node.Properties)
        {
            if (_known.Contains(property.Name) || property.Name == "$schema")
            {
                continue;
            }

            var hint = Spelling.Suggest(property.Name, _known) is { } s ? $" Did you mean '{s}'?" : "";
            Diagnostics.Add(Diagnostic.Error("OSW1002",
                    $"Unknown property '{property.Name}' in {Node.Path}.{hint} "
                    + $"Known: {string.Join(", ", _known.Order(StringComparer.Ordinal))}.",
                    property.NameLocation)
                .With("property", property.Name));
        }
    }

    private void WrongType(JsonNode node, string expected) =>
        Diagnostics.Error("OSW1004", $"{node.Path} must be {expected} but is {node.KindName}.", node.Location);

    private ImmutableArray<JsonNode> WrongTypeArray(JsonNode node)
    {
        WrongType(node, "an array");
        return [];
    }
}
