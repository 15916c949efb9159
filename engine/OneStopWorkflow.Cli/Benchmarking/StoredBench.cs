using System.Diagnostics;
using Mediator;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Cli.Workload;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;

namespace OneStopWorkflow.Cli.Benchmarking;

/// <summary>
/// The bench workload through the application layer into the configured store: every step its own command in its
/// own scope, as a clerk's click would be.
/// </summary>
internal static class StoredBench
{
    public static async Task RunAsync(
        IServiceProvider services, string[] communes, BenchOptions options, BenchTally tally,
        CancellationToken cancellationToken)
    {
        using var acks = AckLog.Open(options.Acks);
        var run = new Run(services, communes, tally, acks);
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Cases), options.Parallel(cancellationToken),
            (i, ct) => new ValueTask(CaseAsync(run, i, ct)));
    }

    private sealed record Run(IServiceProvider Services, string[] Communes, BenchTally Tally, AckLog? Acks);

    private static async Task CaseAsync(Run run, int i, CancellationToken cancellationToken)
    {
        var (services, communes, tally) = (run.Services, run.Communes, run.Tally);
        var commune = communes[i % communes.Length];
        string? id = null;
        async Task SendAsync(Actor actor, ICommand<CaseResult> command)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = ActingScope.Open(services, actor);
            var result = await scope.Mediator.Send(command, cancellationToken);
            if (result.IsRejected)
            {
                throw new InvalidOperationException(string.Join("; ", result.Rejections));
            }

            id ??= result.Case!.Id;
            run.Acks?.Acknowledged(id, result.Case!.Version);
            tally.Command(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await SendAsync(LandTransferWorkload.ActorFor("clerk", commune),
            new ReceiveCase("land-use-transfer", commune)
            {
                Fields = LandTransferWorkload.Fields, Components = LandTransferWorkload.Components,
            });
        foreach (var (role, action) in LandTransferWorkload.Steps(i))
        {
            await SendAsync(LandTransferWorkload.ActorFor(role, commune), action == "resubmit"
                ? new ResubmitCase(id!)
                : new ActOnCase(id!, action) { Input = LandTransferWorkload.Input(action) });
        }
    }
}
