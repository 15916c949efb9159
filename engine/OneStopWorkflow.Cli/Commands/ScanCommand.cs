using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Clock;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Hosting.Scanning;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop scan [--now instant] [--until-idle duration]</c>: runs the app's deadline scanner against the configured
/// database from the command line, as one more node would (leases and escalation claims keep it apart from the
/// others), until its passes have found nothing to do for the idle time. <c>--now</c> starts its clock at another
/// instant (the clock then runs at the real pace, so leases expire): for operators replaying a stopped period, and
/// for the fault suite. Prints one line per pass that ticked something.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var now = new Option<DateTimeOffset?>("--now") { Description = "The instant the scanner's clock starts at." };
        var idle = new Option<TimeSpan>("--until-idle")
        {
            Description = "Stop once the passes have ticked nothing for this long (default 0: after one idle pass).",
            DefaultValueFactory = _ => TimeSpan.Zero,
        };
        var command = new Command("scan", "Run the deadline scanner against the configured database until idle.")
        {
            now, idle,
        };
        command.Hidden = true;
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(now), result.GetValue(idle), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DateTimeOffset? now, TimeSpan idle, CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, now is { } start ? new RunningClock(start) : null);
        var scanner = host.Services.GetRequiredService<DeadlineScanner>();
        var quiet = Stopwatch.StartNew();
        var total = 0;
        while (true)
        {
            var ticked = await scanner.ScanOnceAsync(cancellationToken);
            total += ticked;
            if (ticked > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scanner.Name}: ticked {ticked}"));
                quiet.Restart();
            }
            else if (quiet.Elapsed >= idle)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{scanner.Name}: {total} case(s) ticked; nothing more due."));
                return 0;
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
