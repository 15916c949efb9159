using System.Text;
using System.Text.Json.Nodes;

namespace OneStopWorkflow.Designer.Tests.Operations;

/// <summary>
/// What a careless or hostile caller sends: values for routes and queries, and JSON bodies built from a schema's
/// properties, each wrong in one way (malformed or truncated JSON, wrong types, nulls, 1 MB strings, numbers that
/// overflow, dates at the ends of time, control and direction-override characters, unknown fields).
/// </summary>
internal static class BadInputs
{
    /// <summary>A string of 1 MB, the largest a body property gets.</summary>
    public static readonly string Huge = new('a', 1 << 20);

    /// <summary>Route and query values; a route gets 64 KB at most, as a URL longer than that is not a URL.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        "", " ", "x", "0", "-1", "1.5", "2147483648", "-9223372036854775809", "99999999999999999999999", "1e400",
        "NaN", "null", "true", "[]", "{}", "%", "\0", "a\u0000b", "\u202Eevil\u202C", "\u200B", "\uD800", "😀",
        "..", "../../etc/passwd", "/\\evil.example", "//evil", "http://evil", "<script>alert(1)</script>",
        "'; drop table cases; --", "9999-12-31T23:59:59Z", "0001-01-01", "9999-12-31", "2026-02-30",
        "HP.LECHAN-999999-9999", "HP.LECHAN-260302-0001", "hp.lechan", new string('x', 65_536),
    ];

    /// <summary>Values that replace one property of a body: every JSON kind, and the extremes of each.</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> PropertyValues()
    {
        yield return ("null", null);
        yield return ("empty", "");
        yield return ("number", 1);
        yield return ("negative", -1);
        yield return ("int-overflow", 2_147_483_648L);
        yield return ("long-overflow", JsonNode.Parse("9223372036854775808"));
        yield return ("double-overflow", JsonNode.Parse("1e400"));
        yield return ("fraction", 1.5);
        yield return ("bool", true);
        yield return ("array", new JsonArray(1, "x", null));
        yield return ("object", new JsonObject { ["a"] = 1 });
        yield return ("huge", Huge);
        yield return ("control", "a\u0000b\u0007c\u001b[31m\r\n");
        yield return ("bidi", "\u202Etxet\u202C\u2066\u200F");
        yield return ("surrogate", "\uD800x");
        yield return ("max-date", "9999-12-31T23:59:59.9999999Z");
        yield return ("min-date", "0001-01-01T00:00:00Z");
        yield return ("far-offset", "9999-12-31T23:59:59-14:00");
        yield return ("bad-date", "2026-02-30T25:61:00+07:00");
    }

    /// <summary>Bodies that are not JSON, or not the JSON expected, whatever the operation.</summary>
    public static IEnumerable<(string Name, string Text)> RawBodies(string baseline)
    {
        yield return ("empty", "");
        yield return ("brace", "{");
        yield return ("quote", "{\"");
        yield return ("unclosed", "{\"a\": [1, 2");
        yield return ("mismatched", "{]");
        yield return ("bare-word", "nul");
        yield return ("nul-char", "\0");
        yield return ("comment", "/* */ {}");
        yield return ("trailing", baseline + " garbage");
        yield return ("half", baseline[..(baseline.Length / 2)]);
        yield return ("most", baseline[..Math.Max(0, baseline.Length - 2)]);
        yield return ("deep", new string('[', 10_000) + new string(']', 10_000));
        yield return ("array", "[]");
        yield return ("string", "\"x\"");
        yield return ("number", "1");
        yield return ("null", "null");
        yield return ("true", "true");
        yield return ("object", "{}");
        yield return ("duplicate", baseline.Length > 2 ? baseline.Insert(1, "\"a\":1,\"a\":2,") : baseline);
        yield return ("latin1", Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(baseline)));
    }

    /// <summary>The values one entry of a string map (case fields, action input) takes.</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> MapValues(JsonObject baseline)
    {
        yield return ("entry-null", WithEntry(baseline, "parcel_number", null));
        yield return ("entry-number", WithEntry(baseline, "area_m2", 1e308));
        yield return ("entry-object", WithEntry(baseline, "contract_date", new JsonObject()));
        yield return ("entry-huge", WithEntry(baseline, "applicant_name", Huge));
        yield return ("entry-control", WithEntry(baseline, "applicant_name", "An\u0000\u202E"));
        yield return ("entry-date-max", WithEntry(baseline, "contract_date", "9999-12-31"));
        yield return ("entry-date-min", WithEntry(baseline, "contract_date", "0001-01-01"));
        yield return ("entry-area-overflow", WithEntry(baseline, "area_m2", "1e400"));
        yield return ("entry-unknown", WithEntry(baseline, "zzz", "1"));
        yield return ("entry-bad-name", WithEntry(baseline, "\u0000", "1"));
        var many = new JsonObject();
        for (var i = 0; i < 2_000; i++)
        {
            many[$"f{i}"] = "x";
        }

        yield return ("entries-many", many);
    }

    /// <summary>The values a list of objects (the papers handed in) takes.</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> ListValues()
    {
        yield return ("list-null-item", new JsonArray((JsonNode?)null));
        yield return ("list-number-item", new JsonArray(1));
        yield return ("list-empty-object", new JsonArray(new JsonObject()));
        yield return ("list-huge-item", new JsonArray(new JsonObject { ["component"] = Huge, ["form"] = Huge }));
        yield return ("list-overflow",
            new JsonArray(new JsonObject { ["component"] = "form-18", ["quantity"] = 2_147_483_648L }));
        yield return ("list-negative", new JsonArray(new JsonObject { ["component"] = "form-18", ["quantity"] = -5 }));
        var many = new JsonArray();
        for (var i = 0; i < 5_000; i++)
        {
            many.Add(new JsonObject { ["component"] = "form-18" });
        }

        yield return ("list-many", many);
    }

    /// <summary>Percent-encodes every byte but the unreserved ones, lone surrogates as U+FFFD.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z')
                or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static JsonObject WithEntry(JsonObject baseline, string name, JsonNode? value)
    {
        var copy = baseline.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }
}
