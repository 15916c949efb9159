using System.CommandLine;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop validate &lt;dir&gt;</c>: loads every version below a folder and prints its diagnostics.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TimeProvider time)
    {
        var folder = new Argument<DirectoryInfo>("dir")
        {
            Description = "The procedure catalog (procedures/), one procedure, or one version folder.",
        };
        var command = new Command("validate", "Check procedure files, units, calendars and templates.") { folder };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(folder)!, time, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        DirectoryInfo folder, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            await Console.Error.WriteLineAsync($"error: folder '{folder}' does not exist.");
            return 2;
        }

        if (CatalogFolder.FindRoot(folder.FullName) is not { } root)
        {
            await Console.Error.WriteLineAsync(
                $"error: no catalog around '{folder}': expected a calendars/ folder in it or above it.");
            return 2;
        }

        var catalog = new CatalogFolder(root, Environment.CurrentDirectory);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var (context, diagnostics) = await catalog.ReadContextAsync(today, cancellationToken);
        var all = new List<Diagnostic>(diagnostics);
        var versions = 0;
        foreach (var version in CatalogFolder.VersionFolders(folder.FullName))
        {
            var source = await catalog.ReadVersionAsync(version, cancellationToken);
            all.AddRange(ProcedureLoader.Load(source, context).Diagnostics);
            versions++;
        }

        foreach (var diagnostic in all)
        {
            Console.WriteLine(diagnostic);
        }

        var errors = all.Count(d => d.IsError);
        await Console.Error.WriteLineAsync(
            $"{versions} procedure version(s) checked: {errors} error(s), {all.Count - errors} warning(s).");
        return errors > 0 ? 1 : 0;
    }
}
