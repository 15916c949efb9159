using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Files;

/// <summary>Writes and reads the files kept for cases, and checks a file against what its trail recorded.</summary>
public static class StoredFiles
{
    /// <summary>The SHA-256 of <paramref name="content"/> as the trail writes it: 64 hex digits, lower case.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A new row for <paramref name="content"/>, with a fresh id, its length and SHA-256.</summary>
    public static StoredFileRow New(
        string caseId, string kind, string fileName, string mediaType, byte[] content, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StoredFileRow
        {
            Id = Guid.CreateVersion7(at).ToString("N"), CaseId = caseId, Kind = kind, FileName = fileName,
            MediaType = mediaType, Length = content.LongLength, Sha256 = Sha256Of(content), Content = content,
            CreatedAt = at,
        };
    }

    /// <summary>Saves a new file on its own (a file is written before the trail event that refers to it).</summary>
    public static async Task AddAsync(OneStopDbContext db, StoredFileRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.StoredFiles.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
    }

    public static Task<StoredFileRow?> FindAsync(OneStopDbContext db, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
    }

    /// <summary>
    /// Why the stored file <paramref name="id"/> does not match the length and SHA-256 its trail recorded; null when
    /// it does. The content is hashed again: a row whose bytes were changed is caught even if its columns were not.
    /// </summary>
    public static async Task<string?> MismatchAsync(
        OneStopDbContext db, string id, long length, string sha256, CancellationToken cancellationToken)
    {
        var row = await FindAsync(db, id, cancellationToken);
        if (row is null)
        {
            return $"its file {id} is missing from the store";
        }

        if (row.Content.LongLength != length)
        {
            return $"its file {id} holds {row.Content.LongLength} bytes, the trail recorded {length}";
        }

        return Sha256Of(row.Content) == sha256
            ? null
            : $"the SHA-256 of its file {id} is not the one the trail recorded";
    }
}
