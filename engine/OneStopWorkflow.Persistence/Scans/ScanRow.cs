namespace OneStopWorkflow.Persistence.Scans;

/// <summary>
/// A scanned file of a dossier's component, as a citizen uploaded it online. The bytes are stored before the
/// command that references them (a <see cref="Engine.Runtime.ScanReference"/> on the trail, with the same SHA-256),
/// so a refused submission leaves an unreferenced row, never a trail that points at nothing.
/// </summary>
public sealed class ScanRow
{
    /// <summary>32 lower-case hex digits, drawn at random: the name the trail and the download use.</summary>
    public string Id { get; set; } = null!;

    /// <summary>The case the scan was uploaded for; every scan is uploaded with its submission or supplement.</summary>
    public string CaseId { get; set; } = null!;

    public string Component { get; set; } = null!;

    /// <summary>The name the citizen's file had, cleaned of any path; shown and used for downloads.</summary>
    public string FileName { get; set; } = null!;

    /// <summary>What the content was found to be: application/pdf, image/jpeg or image/png.</summary>
    public string MediaType { get; set; } = null!;

    public long Length { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex, lower case.</summary>
    public string Sha256 { get; set; } = null!;

    public byte[] Content { get; set; } = null!;

    public DateTimeOffset UploadedAt { get; set; }
}
