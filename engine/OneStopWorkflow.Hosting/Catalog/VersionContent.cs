using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>How a version's own files are stored, and the hash that identifies a version's whole content.</summary>
public static class VersionContent
{
    public static string FilesJson(IReadOnlyDictionary<string, string> files) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal));

    public static ImmutableDictionary<string, string> Files(string filesJson) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(filesJson) ?? [])
            .ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>SHA-256 over the canonical procedure JSON and every file, in path order.</summary>
    public static string Sha256(string canonicalJson, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        ArgumentNullException.ThrowIfNull(files);
        var input = new StringBuilder().Append(canonicalJson.Length).Append(':').Append(canonicalJson);
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            input.Append('|').Append(path.Length).Append(':').Append(path).Append(text.Length).Append(':').Append(text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.ToString())));
    }
}
