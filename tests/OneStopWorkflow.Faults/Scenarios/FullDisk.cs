using System.Diagnostics;
using System.Globalization;
using System.Net;
using OneStopWorkflow.Faults.Running;

namespace OneStopWorkflow.Faults.Scenarios;

/// <summary>
/// Scenario 4: the web app's SQLite file lies on a small tmpfs that is then filled to the last byte. Receipts must
/// be refused with 503 <c>store-full</c> and Retry-After (never a 500), nothing half-written may remain (every case
/// row was acknowledged, every trail intact, the figures equal their recount), and once the space returns the app
/// serves reads and takes receipts again by itself.
/// </summary>
internal static class FullDisk
{
    private const int Attempts = 40;

    public static async Task<ScenarioResult> RunAsync(FaultOptions options, int port)
    {
        var mount = Path.Combine(options.Work, "full");
        Directory.CreateDirectory(mount);
        if (await MountAsync(options, mount) is { } refused)
        {
            return new ScenarioResult(Verdict.Skipped, $"full disk: skipped ({refused})");
        }

        try
        {
            return await RunOnMountAsync(options, mount, port);
        }
        finally
        {
            await RunAsync(options, "umount", ["-l", mount]);
        }
    }

    private static async Task<ScenarioResult> RunOnMountAsync(FaultOptions options, string mount, int port)
    {
        var store = new StoreReader("sqlite", $"Data Source={Path.Combine(mount, "onestop.db")}");
        var acknowledged = new Dictionary<string, int>(StringComparer.Ordinal);
        var (refused, wrong) = (0, new List<string>());
        double readsAfter, writesAfter;
        using (var app = await WebApp.StartAsync(options, store, port))
        {
            var clerk = await app.SignInAsync("clerk.lechan");
            for (var i = 0; i < 5; i++)
            {
                Keep(await app.ReceiveAsync(clerk), acknowledged, wrong, ref refused);
            }

            var filler = Path.Combine(mount, "filler");
            var filled = Fill(filler);
            Log.Write(options, $"full disk: {filled / 1024} KiB of filler written until the disk was full");
            for (var i = 0; i < Attempts; i++)
            {
                Keep(await app.ReceiveAsync(clerk), acknowledged, wrong, ref refused);
            }

            File.Delete(filler);
            var freed = Stopwatch.StartNew();
            var known = acknowledged.Keys.First();
            readsAfter = await UntilAsync(async () => (await app.ReadAsync(clerk, known)).Status == HttpStatusCode.OK,
                freed);
            writesAfter = await UntilAsync(async () =>
            {
                var answer = await app.ReceiveAsync(clerk);
                Keep(answer, acknowledged, wrong, ref refused);
                return answer.Status == HttpStatusCode.Created;
            }, freed);
            app.Process.Kill();
        }

        var trails = await store.EventCountsAsync();
        var rows = await CaseVersionsAsync(store);
        var demo = rows.Keys.Except(acknowledged.Keys).Count(id => !trails.ContainsKey(id) || trails[id] != rows[id]);

        // Half-written: a case row whose trail does not hold its version, or an acknowledged case that is not whole.
        var halfWritten = demo + acknowledged.Count(a => trails.GetValueOrDefault(a.Key) != a.Value
            || rows.GetValueOrDefault(a.Key) != a.Value);
        var audit = await AuditChecks.RunAsync(options, store, "full disk");
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"full disk: refused {refused} with store-full, half-written {halfWritten}, "
            + $"reads after {readsAfter:0.0} s");
        if (wrong.Count > 0)
        {
            figures += $" (other answers: {string.Join(", ", wrong.Distinct())})";
        }

        if (audit is not null || writesAfter < 0)
        {
            figures += $" ({audit ?? "no receipt taken after the space returned"})";
        }

        return ScenarioResult.Of(refused > 0 && halfWritten == 0 && wrong.Count == 0 && audit is null
            && readsAfter >= 0 && writesAfter >= 0, figures);
    }

    private static void Keep(WebApp.Answer answer, Dictionary<string, int> acknowledged, List<string> wrong,
        ref int refused)
    {
        if (answer.Status == HttpStatusCode.Created && answer.CaseId is { } id)
        {
            acknowledged[id] = answer.Version;
        }
        else if (answer.IsUnavailable("store-full"))
        {
            refused++;
        }
        else
        {
            wrong.Add($"{(int)answer.Status} {answer.Code ?? answer.Failure}");
        }
    }

    /// <summary>Writes until the file system says it is full; returns the bytes written.</summary>
    private static long Fill(string path)
    {
        var block = new byte[64 * 1024];
        long written = 0;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                file.Write(block);
                written += block.Length;
            }
        }
        catch (IOException)
        {
            // The disk is full: fill the last bytes, one at a time, so not even a page is left.
            try
            {
                while (true)
                {
                    file.Write(block, 0, 1);
                    written++;
                }
            }
            catch (IOException)
            {
                return written;
            }
        }
    }

    /// <summary>Seconds until <paramref name="done"/> holds (tried every 50 ms for 30 s), or -1.</summary>
    private static async Task<double> UntilAsync(Func<Task<bool>> done, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await done())
            {
                return since.Elapsed.TotalSeconds;
            }

            await Task.Delay(50);
        }

        return -1;
    }

    private static async Task<Dictionary<string, int>> CaseVersionsAsync(StoreReader store)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, version) in await store.PairsAsync("SELECT id, version FROM cases"))
        {
            versions[id] = version;
        }

        return versions;
    }

    /// <summary>Null when the tmpfs is mounted, else why not.</summary>
    private static async Task<string?> MountAsync(FaultOptions options, string mount)
    {
        var (code, output) = await RunAsync(options, "mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mount]);
        return code == 0 ? null : $"tmpfs mount not permitted: {output.Trim()}";
    }

    private static async Task<(int, string)> RunAsync(FaultOptions options, string file, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Log.Write(options, $"{file} {string.Join(' ', arguments)}: exit {process.ExitCode} {output.Trim()}");
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
