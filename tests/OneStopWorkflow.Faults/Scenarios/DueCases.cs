using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Faults.Running;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Seeding;
using OneStopWorkflow.Hosting.Startup;

namespace OneStopWorkflow.Faults.Scenarios;

/// <summary>
/// Business household registrations received in bulk on the first days of March 2026 at Nam An Phụ (the sample's
/// receipt, each with its own id and daily number), all overdue at <see cref="ScanAt"/>, with the escalations the
/// engine says a tick then fires: the scanners' work, known in advance.
/// </summary>
internal static class DueCases
{
    /// <summary>The instant the scanner nodes' clocks start at: two weeks after the last receipt.</summary>
    public static readonly DateTimeOffset ScanAt = new(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(7));

    private const string Procedure = "business-household-registration";

    /// <summary>Creates the schema, imports the catalog, loads the cases; returns the escalations due.</summary>
    public static async Task<int> SeedAsync(FaultOptions options, StoreReader store, int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = store.Provider, ["ConnectionStrings:OneStop"] = store.ConnectionString,
            ["OneStop:ProceduresFolder"] = Path.Combine(options.Repository, "procedures"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddOneStopWorkflow(configuration)
            .AddSingleton<BulkLoader>().BuildServiceProvider();
        await services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var version = await scope.ServiceProvider.GetRequiredService<CasePipeline>()
            .VersionOfAsync(Procedure, 1, CancellationToken.None);
        var sample = Path.Combine(
            options.Repository, "procedures", Procedure, "v1", "samples", "parallel-with-tax.json");
        var parsed = ScenarioRunner.Parse(await File.ReadAllTextAsync(sample), sample);
        var receive = (ReceiveCommand)(parsed.Scenario?.Steps[0].Command
            ?? throw new InvalidOperationException("The business household sample does not read."));
        var cases = new List<DecidedCase>(count);
        var due = 0;
        for (var i = 0; i < count; i++)
        {
            // Five working days, Monday 2 to Friday 6 March, a receipt a minute from 07:30 on each.
            var day = i % 5;
            var at = new DateTimeOffset(2026, 3, 2 + day, 7, 30, 0, TimeSpan.FromHours(7))
                .AddMinutes(i / 5 % 200);
            var decision = Workflow.Decide(version.At(at), null, receive with
            {
                Id = new CaseId(Guid.CreateVersion7(at).ToString("N")), Sequence = i / 5 + 1, Book = null,
                Secret = (i * 2654435761L % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture),
            });
            var state = decision.State ?? throw new InvalidOperationException(
                $"The receipt was refused: {string.Join("; ", decision.Rejections)}");
            cases.Add(new DecidedCase(
                state, decision.Events, Workflow.NextTick(version.At(at), state), version.Procedure));
            due += Workflow.Decide(version.At(ScanAt), state, new TickCommand()).Events
                .Count(e => e is EscalationFired);
        }

        var loader = services.GetRequiredService<BulkLoader>();
        await loader.LoadAsync(cases, version.Calendar, CancellationToken.None);
        await loader.RebuildFiguresAsync(CancellationToken.None);
        return due;
    }
}
