using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop audit verify [--case id]</c>: recomputes the trail hash chains of the configured database;
/// <c>onestop audit rebuild-figures [--check]</c>: recounts its per-day compliance figures, or only compares them
/// with the recount.
/// </summary>
internal static class AuditCommand
{
    // Whoever can run the CLI against the database is its operator: it checks and recounts with an admin's rights.
    private static readonly Actor Operator = new("cli", [new Membership("HP", Roles.Admin)]);

    public static Command Create()
    {
        var caseOption = new Option<string?>("--case")
        {
            Description = "Check one case (its id or dossier code) instead of all.",
        };
        var verify = new Command("verify",
            "Recompute every trail's hash chain, check each case's snapshot against its trail, report what differs.")
        {
            caseOption,
        };
        verify.SetAction((result, cancellationToken) => VerifyAsync(result.GetValue(caseOption), cancellationToken));
        var check = new Option<bool>("--check")
        {
            Description = "Only compare the kept figures with the recount, change nothing; exit 1 when they differ.",
        };
        var rebuild = new Command("rebuild-figures",
            "Recount the per-day compliance figures from the stored cases (after a bulk load or a repair); "
            + "the report reads them.")
        {
            check,
        };
        rebuild.SetAction((result, cancellationToken) => result.GetValue(check)
            ? CheckAsync(cancellationToken)
            : RebuildAsync(cancellationToken));
        return new Command("audit", "Check the integrity of the stored trails and recount the compliance figures.")
        {
            verify, rebuild,
        };
    }

    private static async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        await using var scope = ActingScope.Open(host.Services, Operator);
        try
        {
            var started = Stopwatch.StartNew();
            var result = await scope.Mediator.Send(new RebuildFigures(), cancellationToken);
            if (result.Rejection is { } refused)
            {
                await Console.Error.WriteLineAsync(refused.Code == RebuildFigures.NotMigrated
                    ? "error: the configured database is not migrated to this version; start the app or run "
                        + "simulate --store once first."
                    : $"error: {refused.Message}");
                return 2;
            }

            Console.WriteLine($"{result.Cases} case(s) recounted into {result.Days} unit-day figure row(s) in "
                + $"{started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            await Console.Error.WriteLineAsync($"error: cannot read the configured database: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        await using var scope = ActingScope.Open(host.Services, Operator);
        try
        {
            var result = await scope.Mediator.Send(new CheckFigures(), cancellationToken);
            if (result.Rejection is { } refused)
            {
                await Console.Error.WriteLineAsync(refused.Code == RebuildFigures.NotMigrated
                    ? "error: the configured database is not migrated to this version."
                    : $"error: {refused.Message}");
                return 2;
            }

            foreach (var difference in result.Differences)
            {
                Console.WriteLine($"DIFFERENT {difference}");
            }

            Console.WriteLine(result.IsEqual
                ? $"{result.Rows} figure row(s): the kept figures equal the recount."
                : $"{result.Rows} figure row(s): {result.Differences.Count} differ from the recount.");
            return result.IsEqual ? 0 : 1;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            await Console.Error.WriteLineAsync($"error: cannot read the configured database: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> VerifyAsync(string? caseKey, CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        await using var scope = ActingScope.Open(host.Services, Operator);
        try
        {
            var located = await scope.Mediator.Send(new LocateTrails(caseKey), cancellationToken);
            if (located.Rejection is { } notThere)
            {
                await Console.Error.WriteLineAsync(notThere.Code switch
                {
                    LocateTrails.NoSchema =>
                        "error: the configured database holds no OneStopWorkflow schema; nothing to verify.",
                    LocateTrails.NotFound => $"error: there is no case '{caseKey}' in the database.",
                    _ => $"error: {notThere.Message}",
                });
                return 2;
            }

            var verified = await scope.Mediator.Send(new VerifyTrails(located.CaseId), cancellationToken);
            if (verified.Report is not { } report)
            {
                await Console.Error.WriteLineAsync($"error: {verified.Rejection?.Message}");
                return 2;
            }

            foreach (var link in report.Broken)
            {
                Console.WriteLine(
                    $"BROKEN case {link.DossierCode} ({link.CaseId}) at event {link.Sequence}: {link.Reason}.");
            }

            var counted = $"{report.Cases} case(s), {report.Events} event(s) verified";
            Console.WriteLine(report.IsClean
                ? $"{counted}: every trail is intact and every snapshot is the fold of its trail."
                : $"{counted}: {report.Broken.Count} trail(s) broken.");
            return report.IsClean ? 0 : 1;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            await Console.Error.WriteLineAsync($"error: cannot read the configured database: {ex.Message}");
            return 2;
        }
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is SqliteException or InvalidOperationException or Npgsql.NpgsqlException;
}
