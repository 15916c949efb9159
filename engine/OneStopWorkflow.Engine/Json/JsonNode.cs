using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Json;

/// <summary>
/// A JSON value that remembers where it was written, so that every diagnostic about authored content can point
/// at a line, a column and a JSON path. System.Text.Json's DOM forgets positions, hence this small tree.
/// </summary>
internal abstract record JsonNode(SourceLocation Location)
{
    public string Path => Location.JsonPath ?? "$";

    public abstract string KindName { get; }
}

internal sealed record JsonObjectNode(SourceLocation Location, ImmutableArray<JsonPropertyNode> Properties)
    : JsonNode(Location)
{
    public override string KindName => "an object";

    public JsonPropertyNode? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed record JsonPropertyNode(string Name, SourceLocation NameLocation, JsonNode Value);

internal sealed record JsonArrayNode(SourceLocation Location, ImmutableArray<JsonNode> Items) : JsonNode(Location)
{
    public override string KindName => "an array";
}

internal sealed record JsonStringNode(SourceLocation Location, string Value) : JsonNode(Location)
{
    public override string KindName => "a string";
}

internal sealed record JsonNumberNode(SourceLocation Location, decimal Value) : JsonNode(Location)
{
    public override string KindName => "a number";
}

internal sealed record JsonBooleanNode(SourceLocation Location, bool Value) : JsonNode(Location)
{
    public override string KindName => "true or false";
}

internal sealed record JsonNullNode(SourceLocation Location) : JsonNode(Location)
{
    public override string KindName => "null";
}
