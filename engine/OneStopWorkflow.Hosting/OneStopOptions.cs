using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting;

/// <summary>
/// Configuration of the application layer, bound from the <c>OneStop</c> section and <c>Storage:Provider</c>.
/// </summary>
public sealed record OneStopOptions
{
    /// <summary>Which database: sqlite (the default, a file), postgres or sqlserver.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>
    /// <c>ConnectionStrings:OneStop</c>; for SQLite the default is a file <c>onestop.db</c> in the working folder.
    /// </summary>
    public string ConnectionString { get; init; } = "Data Source=onestop.db";

    /// <summary>
    /// The procedure catalog folder imported on start (calendars, units, templates, procedure versions).
    /// </summary>
    public string ProceduresFolder { get; init; } = "procedures";

    /// <summary>
    /// <c>OneStop:PublicLookupUrl</c>: the lookup page (/tra-cuu) as citizens reach it, absolute and not loopback;
    /// receipts print it and its QR code carries it with the dossier code. Null when not configured: papers then print
    /// <see cref="Lookup.PublicLookup.Fallback"/> and start-up warns.
    /// </summary>
    public string? PublicLookupUrl { get; init; }

    /// <summary>Import the catalog folder on start.</summary>
    public bool ImportCatalog { get; init; } = true;

    public ScannerOptions Scanner { get; init; } = new();

    public WriterOptions Writer { get; init; } = new();

    /// <summary>What citizens may send online: sizes of scans and submissions per minute.</summary>
    public Online.OnlineOptions Online { get; init; } = new();
}

/// <summary>
/// The case writer: how many commands one commit may carry, how many cases it keeps decided in memory, and on
/// PostgreSQL how many partitions (loops, each with its own connection) share the case ids.
/// </summary>
public sealed record WriterOptions
{
    /// <summary>The most commands in one commit: bounds the wait of the last command of a batch.</summary>
    public int Batch { get; init; } = 32;

    /// <summary>Cases kept in memory, for the whole writer; about 10 KB each for a land transfer.</summary>
    public int CachedCases { get; init; } = 20_000;

    public int Partitions { get; init; } = 4;
}

/// <summary>
/// The deadline scanner: how often it looks for due work, how many cases it takes at once, and for how long.
/// </summary>
public sealed record ScannerOptions
{
    public bool Enabled { get; init; } = true;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public int Batch { get; init; } = 128;
}
