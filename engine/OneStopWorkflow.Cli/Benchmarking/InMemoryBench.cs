using System.Diagnostics;
using OneStopWorkflow.Cli.Workload;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Lookup;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>The bench workload in memory: the engine and the document renderer only, no store.</summary>
internal static class InMemoryBench
{
    /// <summary>Papers as the server prints them, QR code included.</summary>
    private static readonly LookupPage Lookup = PublicLookup.PageOf(new OneStopOptions()) with { Secret = "00000000" };

    public static Task RunAsync(
        DecisionContext context, string[] communes, BenchOptions options, BenchTally tally,
        CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, options.Cases), options.Parallel(cancellationToken), (i, _) =>
        {
            Run(context, i, communes, tally);
            return ValueTask.CompletedTask;
        });

    private static void Run(DecisionContext context, int i, string[] communes, BenchTally tally)
    {
        var trail = new List<CaseEvent>();
        CaseState? state = null;
        void Decide(CaseCommand command)
        {
            var started = Stopwatch.GetTimestamp();
            var decision = Workflow.Decide(context, state, command);
            tally.Decided(Stopwatch.GetTimestamp() - started);
            if (decision.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", decision.Rejections));
            }

            DocumentRenderer.RenderIssued(context, state, trail, decision.Events, Lookup);
            trail.AddRange(decision.Events);
            state = decision.State;
            tally.Command(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        foreach (var command in LandTransferWorkload.Commands(i, communes, $"c{i}"))
        {
            Decide(command);
        }
    }
}
