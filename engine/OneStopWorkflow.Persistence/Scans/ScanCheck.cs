using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Scans;

/// <summary>
/// The scans a trail names, against the stored files: each must be there, as long as the trail says, and its bytes
/// must hash to the SHA-256 the trail keeps (recomputed, not read from the row, which could have been changed too).
/// </summary>
public static class ScanCheck
{
    public static async Task<List<string>> DifferencesAsync(
        OneStopDbContext db, CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        var named = (state.Received ?? []).SelectMany(r => r.Scans ?? []).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var ids = named.Select(s => s.Id).ToList();
        var rows = await db.Scans.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        List<string> found = [];
        foreach (var scan in named)
        {
            if (!rows.TryGetValue(scan.Id, out var row))
            {
                found.Add($"scan {scan.Id} ({scan.FileName}) is missing");
            }
            else if (row.Content.LongLength != scan.Length
                || Convert.ToHexStringLower(SHA256.HashData(row.Content)) != scan.Sha256)
            {
                found.Add($"scan {scan.Id} ({scan.FileName}) is not the file the trail names (length or SHA-256)");
            }
        }

        return found;
    }
}
