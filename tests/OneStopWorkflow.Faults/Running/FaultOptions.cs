using System.Globalization;

namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// One run of the fault suite: the repository, the work folder (its clusters, databases, mounts and logs), the
/// PostgreSQL binaries and port of its own throwaway server, and how hard each scenario pushes.
/// </summary>
internal sealed record FaultOptions(string Repository, string Work, string PostgresBin, int PostgresPort)
{
    public int Kills { get; init; } = 5;
    public int DueCases { get; init; } = 10_000;
    public TimeSpan Outage { get; init; } = TimeSpan.FromSeconds(10);

    public string Cli => Path.Combine(Repository, "engine", "OneStopWorkflow.Cli", "bin", "Release", "net10.0",
        "onestop.dll");

    public string Web => Path.Combine(Repository, "designer", "OneStopWorkflow.Designer", "bin", "Release",
        "net10.0", "OneStopWorkflow.Designer.dll");

    public string Log => Path.Combine(Work, "faults.log");

    /// <summary>Reads <c>--repo --work --pg-bin --pg-port [--short]</c>; null, with why, when one is missing.</summary>
    public static FaultOptions? Parse(string[] args, out string? problem)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
            ? args[i + 1]
            : null;
        var (repo, work, bin, port) = (Value("--repo"), Value("--work"), Value("--pg-bin"), Value("--pg-port"));
        if (repo is null || work is null || bin is null || !int.TryParse(port, CultureInfo.InvariantCulture, out var p))
        {
            problem = "usage: --repo <dir> --work <dir> --pg-bin <dir> --pg-port <port> [--short]";
            return null;
        }

        problem = null;
        var options = new FaultOptions(Path.GetFullPath(repo), Path.GetFullPath(work), bin, p);
        return args.Contains("--short") ? options with { Kills = 3, DueCases = 1_000 } : options;
    }
}
