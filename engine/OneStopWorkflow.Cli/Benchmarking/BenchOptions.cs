namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>A bench run: how many cases, into which store (memory, sqlite or postgres), by how many clerks.</summary>
internal sealed record BenchOptions(int Cases, string Store, int Concurrency)
{
    /// <summary>The file each acknowledged command is appended to (see <see cref="AckLog"/>), or null.</summary>
    public string? Acks { get; init; }

    public ParallelOptions Parallel(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
}
