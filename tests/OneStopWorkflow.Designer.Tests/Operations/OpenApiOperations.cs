using System.Collections.Immutable;
using System.Text.Json;

namespace OneStopWorkflow.Designer.Tests.Operations;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body.</summary>
internal sealed record OpenApiOperation(
    string Method, string Path, ImmutableArray<OpenApiParameter> Parameters, ImmutableArray<BodyProperty>? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A route or query parameter.</summary>
internal sealed record OpenApiParameter(string Name, string In);

/// <summary>A property of a JSON body, with the JSON kinds its schema allows (<c>string</c>, <c>object</c>…).</summary>
internal sealed record BodyProperty(string Name, ImmutableArray<string> Types);

/// <summary>
/// Reads the operations of the app's own /api/openapi.json, so that a new endpoint is fuzzed unasked.
/// </summary>
internal static class OpenApiOperations
{
    public static ImmutableArray<OpenApiOperation> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var schemas = root.TryGetProperty("components", out var components)
            && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = ImmutableArray.CreateBuilder<OpenApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? [.. list.EnumerateArray().Select(p =>
                        new OpenApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!))]
                    : ImmutableArray<OpenApiParameter>.Empty;
                operations.Add(new OpenApiOperation(
                    operation.Name.ToUpperInvariant(), path.Name, parameters, BodyOf(operation.Value, schemas)));
            }
        }

        return operations.ToImmutable();
    }

    private static ImmutableArray<BodyProperty>? BodyOf(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return null;
        }

        schema = Resolve(schema, schemas);
        return schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject()
                .Select(p => new BodyProperty(p.Name, TypesOf(Resolve(p.Value, schemas))))]
            : [];
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static ImmutableArray<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? ["object"]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];
}
