using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Files;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Trail;

/// <summary>The first place a trail stops matching its hash chain.</summary>
public sealed record BrokenLink(string CaseId, string DossierCode, int Sequence, string Reason);

/// <summary>The result of checking trails: how many cases and events were checked, and what broke.</summary>
public sealed record TrailReport(int Cases, int Events, IReadOnlyList<BrokenLink> Broken)
{
    public bool IsClean => Broken.Count == 0;
}

/// <summary>
/// Recomputes the hash chain of one case or of all cases, checks that each file the trail refers to (an electronic
/// result) is stored with the length and SHA-256 the trail recorded, and reports the first broken link of each.
/// </summary>
public static class TrailVerifier
{
    private const string EResultType = "e-result-issued";

    public static async Task<TrailReport> VerifyAsync(
        OneStopDbContext db, string? caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = db.Cases.AsNoTracking();
        if (caseId is not null)
        {
            cases = cases.Where(c => c.Id == caseId);
        }

        var broken = new List<BrokenLink>();
        int caseCount = 0, eventCount = 0;
        foreach (var c in await cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.DossierCode, c.Version, c.LastHash })
                     .ToListAsync(cancellationToken))
        {
            caseCount++;
            var previous = TrailHash.Genesis;
            var expected = 1;
            BrokenLink? link = null;
            var files = new List<(int Sequence, EResultIssued Issued)>();
            await foreach (var e in db.Events.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence)
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                eventCount++;
                link ??= e.Sequence != expected
                        ? new BrokenLink(c.Id, c.DossierCode, expected, $"event {expected} is missing")
                    : e.PreviousHash != previous
                        ? new BrokenLink(c.Id, c.DossierCode, e.Sequence, "it does not chain to the event before it")
                    : TrailHash.Compute(e) != e.Hash
                        ? new BrokenLink(c.Id, c.DossierCode, e.Sequence, "its content does not match its hash")
                    : null;
                previous = e.Hash;
                expected = e.Sequence + 1;
                if (e.Type == EResultType)
                {
                    files.Add((e.Sequence, (EResultIssued)EventSerializer.Deserialize(e.Type, e.Payload)));
                }
            }

            link ??= expected - 1 != c.Version || previous != c.LastHash
                ? new BrokenLink(c.Id, c.DossierCode, expected,
                    $"the case records {c.Version} events but the trail ends at {expected - 1}")
                : null;
            foreach (var (sequence, issued) in link is null ? files : [])
            {
                link ??= await StoredFiles.MismatchAsync(db, issued.File, issued.Length, issued.Sha256,
                        cancellationToken) is { } mismatch
                    ? new BrokenLink(c.Id, c.DossierCode, sequence, $"its e-result: {mismatch}")
                    : null;
            }

            if (link is not null)
            {
                broken.Add(link);
            }
        }

        return new TrailReport(caseCount, eventCount, broken);
    }
}
