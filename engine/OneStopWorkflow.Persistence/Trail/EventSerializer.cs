using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Trail;

/// <summary>Writes an event as the JSON payload of its trail entry and reads it back.</summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // The events' metadata is generated at build time; the options below decide the bytes, as they did when
        // reflection built it (a test checks the two write the same payloads).
        TypeInfoResolver = EventJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower),
            new TextConverter<CaseId>(v => new CaseId(v), v => v.Value),
            new TextConverter<StepId>(v => new StepId(v), v => v.Value),
            new TextConverter<ProcedureCode>(v => new ProcedureCode(v), v => v.Value),
        },
    };

    private static readonly FrozenDictionary<string, Type> Types = typeof(CaseEvent).Assembly.GetTypes()
        .Where(t => t.IsSealed && t.IsSubclassOf(typeof(CaseEvent)))
        .ToFrozenDictionary(t => Names.Kebab(t.Name), StringComparer.Ordinal);

    /// <summary>The options payloads are written and read with (read-only: copy them to change anything).</summary>
    public static JsonSerializerOptions PayloadOptions => Options;

    public static string Serialize(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(e, e.GetType(), Options);
    }

    public static CaseEvent Deserialize(string type, string payload) =>
        Types.TryGetValue(type, out var clrType)
            ? (CaseEvent)(JsonSerializer.Deserialize(payload, clrType, Options)
                ?? throw new InvalidOperationException($"Event payload of type '{type}' is null."))
            : throw new InvalidOperationException($"Unknown event type '{type}' on the trail.");

    /// <summary>
    /// Writes a one-value identifier as a plain JSON string, so payloads read as the trail shows them.
    /// </summary>
    private sealed class TextConverter<T>(Func<string, T> read, Func<T, string> write) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null."));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(write(value));
    }
}
