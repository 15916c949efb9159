using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>The designer's try-it: a scenario typed into the editor runs, or says what is wrong with it.</summary>
public sealed class DraftTrialTests
{
    private static readonly CatalogContext Context = Catalog.Context(new DateOnly(2026, 6, 1));

    private static readonly ProcedureDefinition LandTransfer = ProcedureLoader.Load(
        Catalog.ReadVersion(Repository.PathOf("procedures", "land-use-transfer", "v1"), "procedure.json"), Context)
        .Procedure!;

    [Fact]
    public void A_broken_scenario_gives_its_diagnostics_with_their_place_and_no_report()
    {
        var (report, diagnostics) = DraftTrial.Run(LandTransfer, Context, "{\n  \"receive\": {}\n}");

        Assert.Null(report);
        Assert.Equal(["scenario.json(2,14): error OSW1003: Property 'at' is required in $.receive; add it."],
            diagnostics.Where(d => d.Message.Contains("'at'", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public void A_sample_scenario_gives_its_report_and_no_diagnostic()
    {
        var sample = DraftTrial.FirstSample(Repository.PathOf("procedures"), "land-use-transfer");

        var (report, diagnostics) = DraftTrial.Run(LandTransfer, Context, sample);

        Assert.Empty(diagnostics);
        Assert.Contains("\"dossierCode\"", report, StringComparison.Ordinal);
    }
}
