using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Store;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Cli.Commands;

/// <summary><c>onestop audit verify [--case id]</c>: recomputes the trail hash chains of the configured database.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var caseOption = new Option<string?>("--case") { Description = "Check one case (its id or dossier code) instead of all." };
        var verify = new Command("verify", "Recompute every trail's hash chain and report the first broken link of each case.")
        {
            caseOption,
        };
        verify.SetAction((result, cancellationToken) => VerifyAsync(result.GetValue(caseOption), cancellationToken));
        var rebuild = new Command("rebuild-figures",
            "Recount the per-day compliance figures from the stored cases (after a bulk load or a repair); the report reads them.");
        rebuild.SetAction((_, cancellationToken) => RebuildAsync(cancellationToken));
        return new Command("audit", "Check the integrity of the stored trails and recount the compliance figures.") { verify, rebuild };
    }

    private static async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await Console.Error.WriteLineAsync("error: the configured database is not migrated to this version; start the app or run simulate --store once first.");
                return 2;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            await Persistence.Figures.DayFigures.RebuildAsync(db, cancellationToken);
            var days = await db.CaseFigures.CountAsync(cancellationToken);
            var cases = await db.CaseFigures.SumAsync(f => f.Received, cancellationToken);
            Console.WriteLine($"{cases} case(s) recounted into {days} unit-day figure row(s) in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read the configured database: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> VerifyAsync(string? caseKey, CancellationToken cancellationToken)
    {
        using var host = StoreHost.Build(null, null);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        try
        {
            if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any() is false)
            {
                await Console.Error.WriteLineAsync("error: the configured database holds no OneStopWorkflow schema; nothing to verify.");
                return 2;
            }

            var caseId = caseKey is null
                ? null
                : await db.Cases.Where(c => c.Id == caseKey || c.DossierCode == caseKey).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (caseKey is not null && caseId is null)
            {
                await Console.Error.WriteLineAsync($"error: there is no case '{caseKey}' in the database.");
                return 2;
            }

            var report = await TrailVerifier.VerifyAsync(db, caseId, cancellationToken);
            foreach (var link in report.Broken)
            {
                Console.WriteLine($"BROKEN case {link.DossierCode} ({link.CaseId}) at event {link.Sequence}: {link.Reason}.");
            }

            Console.WriteLine(report.IsClean
                ? $"{report.Cases} case(s), {report.Events} event(s) verified: every trail is intact."
                : $"{report.Cases} case(s), {report.Events} event(s) verified: {report.Broken.Count} trail(s) broken.");
            return report.IsClean ? 0 : 1;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read the configured database: {ex.Message}");
            return 2;
        }
    }
}
