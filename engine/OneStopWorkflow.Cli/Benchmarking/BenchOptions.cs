namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>A bench run: how many cases, into which store (memory, sqlite or postgres), by how many clerks.</summary>
internal sealed record BenchOptions(int Cases, string Store, int Concurrency)
{
    public ParallelOptions Parallel(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
}
