namespace OneStopWorkflow.Persistence.Catalog;

/// <summary>A procedure version as stored: its canonical JSON and template files, their hash, and its status.</summary>
public sealed class ProcedureVersionRow
{
    public long Id { get; set; }
    public string Code { get; set; } = null!;
    public int Version { get; set; }
    public string Title { get; set; } = null!;
    public ProcedureVersionStatus Status { get; set; }

    /// <summary>The procedure.json of the version, in canonical form.</summary>
    public string CanonicalJson { get; set; } = null!;

    /// <summary>The version's own files (its templates), as a JSON object from relative path to text.</summary>
    public string FilesJson { get; set; } = null!;

    /// <summary>
    /// SHA-256 over the canonical JSON and the files: two versions with the same hash are the same content.
    /// </summary>
    public string Sha256 { get; set; } = null!;

    /// <summary>Where it came from: a catalog file path, or "designer".</summary>
    public string Source { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = null!;
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

public enum ProcedureVersionStatus
{
    Draft,
    Published,
    Retired,
}
