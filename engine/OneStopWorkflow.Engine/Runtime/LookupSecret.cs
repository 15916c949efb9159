using System.Security.Cryptography;
using System.Text;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// The secret a receipt prints for the citizen's lookup, as the trail and the store keep it: only a hash, salted
/// with the case id, so no staff view, API or export shows the secret itself. Comparing takes the same work whether
/// or not the case exists, so the time of an answer does not tell which dossier codes are real.
/// </summary>
public static class LookupSecret
{
    private const string Prefix = "sha256:";

    /// <summary>The longest secret compared; a longer one cannot match and is not hashed in full.</summary>
    public const int MaxLength = 64;

    /// <summary>The length of every hash this class writes ("sha256:" and 64 hex digits).</summary>
    public const int HashLength = 71;

    /// <summary>Compared against when there is no case, so an unknown code costs what a wrong secret costs.</summary>
    private static readonly byte[] Dummy = Encoding.ASCII.GetBytes(Hash("-", "-"));

    /// <summary>
    /// The hash of <paramref name="secret"/> for the case <paramref name="caseId"/>: SHA-256 over a fixed label, the
    /// case id and the secret as the lookup reads it (trimmed, lower case). The migration that hashed the secrets
    /// stored before writes the same text in SQL; change both or neither.
    /// </summary>
    public static string Hash(string caseId, string secret)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(secret);
        var normalized = secret.Trim();
        normalized = (normalized.Length > MaxLength ? normalized[..MaxLength] : normalized).ToLowerInvariant();
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"osw-lookup:{caseId}:{normalized}"));
        return Prefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Whether <paramref name="given"/> is the secret whose hash is <paramref name="stored"/>, in constant time. With
    /// no case (<paramref name="caseId"/> or <paramref name="stored"/> null) it does the same work and answers no.
    /// </summary>
    public static bool Matches(string? caseId, string? stored, string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var known = caseId is not null && stored is { Length: HashLength };
        var expected = known ? Encoding.ASCII.GetBytes(stored!) : Dummy;
        var actual = Encoding.ASCII.GetBytes(Hash(caseId ?? "-", given));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && known;
    }
}
