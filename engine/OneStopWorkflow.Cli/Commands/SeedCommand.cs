using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Cli.Benchmarking;
using OneStopWorkflow.Cli.Clock;
using OneStopWorkflow.Cli.Composition;
using OneStopWorkflow.Cli.Seeding;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Seeding;
using OneStopWorkflow.Hosting.Startup;

namespace OneStopWorkflow.Cli.Commands;

/// <summary>
/// <c>onestop seed</c>: a year of cases across the communes (urban wards busier), four in ten land transfers, four
/// birth registrations and two business households, decided by the engine and written in bulk with valid hash-chained
/// trails (about 7% late, some escalated, 1% withdrawn, 1% never finished, the last days still open).
/// With <c>--measure</c> it then times the hot queries on that population. Prints JSON lines.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases.", DefaultValueFactory = _ => 10_000 };
        var units = new Option<string>("--units")
        {
            Description = "The receiving communes and wards, comma-separated, or 'all' (every ordinary commune and "
                + "ward of the unit directory).",
            DefaultValueFactory = _ => "all",
        };
        var year = new Option<int>("--year")
        {
            Description = "The year the cases are received in; the calendar must cover it.",
            DefaultValueFactory = _ => 2026,
        };
        var measure = new Option<bool>("--measure")
        {
            Description = "Time the inbox, audit queries, scanner pass and a receipt afterwards.",
        };
        var command = new Command("seed",
            "Fill the configured database with a year of cases, optionally measuring the hot queries on it.")
        {
            cases, units, year, measure,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new SeedOptions(result.GetValue(cases), result.GetValue(units)!, result.GetValue(year),
                result.GetValue(measure)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        var root = CatalogFolder.FindRoot(Path.Combine(Environment.CurrentDirectory, "procedures"));
        if (root is null)
        {
            await Console.Error.WriteLineAsync("error: run from the repository; it needs procedures/.");
            return 2;
        }

        var now = new DateTimeOffset(options.Year, 12, 15, 10, 0, 0, TimeSpan.FromHours(7));
        var time = new ScenarioClock { Now = now };
        using var host = StoreHost.Build(root, time);
        await host.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
        await using var setup = host.Services.CreateAsyncScope();
        var pipeline = setup.ServiceProvider.GetRequiredService<CasePipeline>();
        var land = await pipeline.VersionOfAsync("land-use-transfer", 1, cancellationToken);
        var births = await SampleReplay.LoadAsync(pipeline, root, "birth-registration", "same-day", cancellationToken);
        var households = await SampleReplay.LoadAsync(
            pipeline, root, "business-household-registration", "parallel-with-tax", cancellationToken);
        if (await PlanAsync(options, land, now) is not { } plan)
        {
            return 2;
        }

        await LoadAsync(host.Services.GetRequiredService<BulkLoader>(), new Population(plan, land, births, households),
            cancellationToken);
        if (options.Measure)
        {
            await new PopulationMeasurement(host.Services, time, plan).RunAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>The plan, or null when an option names a unit or a year the seed cannot use (said on stderr).</summary>
    private static async Task<SeedPlan?> PlanAsync(SeedOptions options, LoadedVersion land, DateTimeOffset now)
    {
        var ordinary = SeedPlan.Receiving(land.Units);
        var chosen = options.Units.Trim() == "all"
            ? ordinary
            : options.Units.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (chosen.Except(ordinary).ToArray() is { Length: > 0 } unknown)
        {
            await Console.Error.WriteLineAsync($"error: --units {string.Join(", ", unknown)}: the seed receives at "
                + $"communes and wards; use 'all' or some of {string.Join(", ", ordinary)}.");
            return null;
        }

        try
        {
            var days = SeedPlan.WorkingDays(land.Calendar, options.Year);
            return new SeedPlan(land.Calendar, SeedPlan.Weighted(chosen), days, now, options.Cases);
        }
        catch (CalendarYearMissingException ex)
        {
            await Console.Error.WriteLineAsync($"error: --year {options.Year}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Writes the population in bulk, recounts the figures once, and prints what it took.</summary>
    private static async Task LoadAsync(BulkLoader loader, Population population, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var events = await loader.LoadAsync(population.Cases(), population.Plan.Calendar, cancellationToken);
        await loader.SaveDossierNumbersAsync(population.Plan.Sequences, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var figures = Stopwatch.StartNew();

        // Bulk staging skips the per-save figures; one recount after the load is far cheaper.
        await loader.RebuildFiguresAsync(cancellationToken);
        var count = population.Plan.Count;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            seeded = count, events, seconds = Math.Round(seconds, 1),
            casesPerSecond = count == 0 ? 0 : Math.Round(count / seconds),
            figuresSeconds = Math.Round(figures.Elapsed.TotalSeconds, 1),
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
        }));
    }
}
