using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStopWorkflow.Persistence.Trail;

/// <summary>
/// The hash chain of a trail: SHA-256 over the previous hash and every field of the entry, each written with its
/// length so that no two different entries can produce the same input.
/// </summary>
public static class TrailHash
{
    /// <summary>The "previous hash" of a case's first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var input = new StringBuilder();
        foreach (var part in new[]
                 {
                     row.PreviousHash, row.CaseId, row.Sequence.ToString(CultureInfo.InvariantCulture), row.Type,
                     row.At.UtcTicks.ToString(CultureInfo.InvariantCulture), row.User, row.Role, row.Unit, row.Payload,
                 })
        {
            input.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.ToString())));
    }
}
