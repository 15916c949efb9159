using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Json;

/// <summary>Parses JSON text into a <see cref="JsonNode"/> tree with positions; bad JSON becomes OSW1001.</summary>
internal sealed class JsonTreeReader
{
    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly List<int> _lineStarts = [0];

    private JsonTreeReader(byte[] bytes, string file)
    {
        _bytes = bytes;
        _file = file;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static JsonNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var reader = new JsonTreeReader(bytes, file);
        try
        {
            var json = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 64,
            });
            if (!json.Read())
            {
                diagnostics.Error("OSW1001", "The file is empty; it must hold one JSON object.",
                    SourceLocation.InFile(file));
                return null;
            }

            var root = reader.ReadValue(ref json, "$", start, diagnostics);
            if (json.Read())
            {
                diagnostics.Error("OSW1001", "Unexpected content after the end of the JSON value; remove it.",
                    reader.At((int)json.TokenStartIndex + start, "$"));
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Error("OSW1001", $"The file is not valid JSON: {TrimReaderMessage(ex.Message)}",
                new SourceLocation(file, line, column));
            return null;
        }
    }

    private static string TrimReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') + "." : message;
    }

    private JsonNode ReadValue(ref Utf8JsonReader json, string path, int offset, DiagnosticBag diagnostics)
    {
        var location = At((int)json.TokenStartIndex + offset, path);
        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref json, location, offset, diagnostics);
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<JsonNode>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref json, $"{path}[{items.Count}]", offset, diagnostics));
                }

                return new JsonArrayNode(location, items.ToImmutable());
            case JsonTokenType.String:
                return new JsonStringNode(location, Text(ref json, location, diagnostics));
            case JsonTokenType.Number:
                return json.TryGetDecimal(out var number)
                    ? new JsonNumberNode(location, number)
                    : new JsonStringNode(location, Encoding.UTF8.GetString(json.ValueSpan));
            case JsonTokenType.True:
                return new JsonBooleanNode(location, true);
            case JsonTokenType.False:
                return new JsonBooleanNode(location, false);
            default:
                return new JsonNullNode(location);
        }
    }

    private JsonObjectNode ReadObject(
        ref Utf8JsonReader json, SourceLocation location, int offset, DiagnosticBag diagnostics)
    {
        var properties = ImmutableArray.CreateBuilder<JsonPropertyNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var path = location.JsonPath ?? "$";
        while (json.Read() && json.TokenType != JsonTokenType.EndObject)
        {
            var nameLocation = At((int)json.TokenStartIndex + offset, path);
            var name = Text(ref json, nameLocation, diagnostics);
            var childPath = $"{path}.{name}";
            nameLocation = nameLocation with { JsonPath = childPath };
            json.Read();
            var value = ReadValue(ref json, childPath, offset, diagnostics);
            if (!seen.Add(name))
            {
                diagnostics.Error("OSW1007", $"Property '{name}' is written twice in the same object; keep one.",
                    nameLocation);
                continue;
            }

            properties.Add(new JsonPropertyNode(name, nameLocation, value));
        }

        return new JsonObjectNode(location, properties.ToImmutable());
    }

    /// <summary>
    /// The text of a string token. An escaped half of a surrogate pair ("\uD800" alone) is valid JSON syntax but
    /// no text, and System.Text.Json throws on reading it; here it is a diagnostic.
    /// </summary>
    private static string Text(ref Utf8JsonReader json, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            return json.GetString() ?? "";
        }
        catch (InvalidOperationException ex)
        {
            diagnostics.Error("OSW1001", $"A string in {location.JsonPath} is not valid text: {ex.Message} "
                + "Write the character itself, or both halves of its surrogate pair.", location);
            return "";
        }
    }

    private SourceLocation At(int byteIndex, string path)
    {
        var line = _lineStarts.BinarySearch(byteIndex);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var lineStart = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_bytes, lineStart, byteIndex - lineStart) + 1;
        return new SourceLocation(_file, line + 1, column, path);
    }
}
