using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// An event's payload as staff read it: without the lookup secret's fields. Trails stored before secrets were hashed
/// carry the secret itself in their case-received payload; the hash chain covers it, so the row cannot be rewritten,
/// but no one is shown it. The hash that newer payloads carry is left out too: an 8-hex-digit secret is found from
/// its hash by trying them all. The stored payload is unchanged, and <c>audit verify</c> checks it.
/// </summary>
internal static class TrailPayload
{
    private static readonly string[] Hidden = ["secret", "secretHash"];

    private static readonly JsonSerializerOptions Writing =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Shown(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.Contains("\"secret", StringComparison.Ordinal) || JsonNode.Parse(payload) is not JsonObject json)
        {
            return payload;
        }

        foreach (var name in Hidden)
        {
            json.Remove(name);
        }

        return json.ToJsonString(Writing);
    }
}
