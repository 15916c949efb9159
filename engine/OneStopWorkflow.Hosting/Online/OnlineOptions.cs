namespace OneStopWorkflow.Hosting.Online;

/// <summary>How much the public may send online: per file, per dossier, and submissions per address a minute.</summary>
public sealed record OnlineOptions
{
    /// <summary>The largest scan accepted: 10 MiB, enough for a multi-page A4 PDF at 300 dpi in grey.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>All the scans of one submission or supplement together.</summary>
    public long MaxDossierBytes { get; init; } = 40 * 1024 * 1024;

    /// <summary>The most files one submission may carry.</summary>
    public int MaxFiles { get; init; } = 30;

    /// <summary>Submissions and supplements one client address may send in a minute.</summary>
    public int SubmissionsPerMinute { get; init; } = 100;
}
