using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStopWorkflow.Persistence.Files;

/// <summary>
/// A file the store keeps for a case (<c>stored_files</c>): an electronic result's PDF, a scan. Immutable once
/// written; the trail event that refers to it records its id, length and SHA-256, which the audit checks.
/// </summary>
public sealed class StoredFileRow
{
    /// <summary>A new id: 32 hex digits, named by the trail's event.</summary>
    public string Id { get; set; } = null!;

    public string CaseId { get; set; } = null!;

    /// <summary>What the file is: <see cref="StoredFileKinds.EResult"/>, a scan.</summary>
    public string Kind { get; set; } = null!;

    /// <summary>The name it is downloaded under, e.g. <c>ket-qua-HP.LECHAN-261203-0001.pdf</c>.</summary>
    public string FileName { get; set; } = null!;

    public string MediaType { get; set; } = null!;
    public long Length { get; set; }

    /// <summary>The SHA-256 of <see cref="Content"/>, 64 hex digits in lower case.</summary>
    public string Sha256 { get; set; } = null!;

    public byte[] Content { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The table and its index, called from the context's model.</summary>
    public static void Configure(EntityTypeBuilder<StoredFileRow> e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.ToTable("stored_files");
        e.HasKey(f => f.Id);
        e.Property(f => f.Id).HasMaxLength(32);
        e.Property(f => f.CaseId).HasMaxLength(40);
        e.Property(f => f.Kind).HasMaxLength(16);
        e.Property(f => f.FileName).HasMaxLength(200);
        e.Property(f => f.MediaType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasIndex(f => new { f.CaseId, f.Kind });
    }
}

/// <summary>The kinds of stored files.</summary>
public static class StoredFileKinds
{
    public const string EResult = "e-result";
}
