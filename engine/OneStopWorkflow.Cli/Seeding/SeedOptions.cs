namespace OneStopWorkflow.Cli.Seeding;

/// <summary>
/// A seed run: how many cases, received at which units ("all" or a comma-separated list) in which year, and whether
/// to time the hot queries on the population afterwards.
/// </summary>
internal sealed record SeedOptions(int Cases, string Units, int Year, bool Measure);
