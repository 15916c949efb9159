namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// The electronic results (<c>OneStop:EResults</c>): whether this process files them, how often it looks for
/// finished cases, the Chromium that prints them, how many it prints at once, and how long a case whose printing
/// failed waits before it is tried again.
/// </summary>
public sealed record EResultOptions
{
    public bool Enabled { get; init; } = true;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The Chromium (or Chrome) executable; Debian's package by default.</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    /// <summary>Pages printed at the same time in the one browser.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>Cases taken in one pass.</summary>
    public int Batch { get; init; } = 32;

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one page may take to print (or Chromium to start) before it counts as failed.</summary>
    public TimeSpan PrintTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
