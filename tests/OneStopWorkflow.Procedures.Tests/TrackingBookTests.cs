using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Procedures.Tests;

/// <summary>Form 07 over the land transfer samples received at Lê Chân, against its golden HTML.</summary>
public sealed class TrackingBookTests
{
    [Fact]
    public void The_tracking_book_lists_the_units_dossiers_of_the_period_with_their_result()
    {
        var context = Catalog.Context(new DateOnly(2026, 6, 1));
        var folder = Repository.PathOf("procedures", "land-use-transfer", "v1");
        var loaded = ProcedureLoader.Load(Catalog.ReadVersion(folder, "procedure.json"), context);
        var decision = new DecisionContext(
            loaded.Procedure!, loaded.Sha256!, Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch);
        var cases = Directory.EnumerateFiles(Path.Combine(folder, "samples"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => Run(decision, f)).OfType<CaseState>()
            .Select(s => (s, loaded.Procedure!)).ToList();

        var model = TrackingBook.Build(
            Catalog.Units, Catalog.Calendar, "HP.LECHAN", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), cases);
        var html = TrackingBook.Render(loaded.Procedure!.Templates!.Files, model);

        Assert.Equal(8, model.Rows.Length);
        Assert.Contains("Sổ theo dõi hồ sơ", html, StringComparison.Ordinal);
        Golden.Match(
            Repository.PathOf("tests", "OneStopWorkflow.Procedures.Tests", "Golden", "tracking-book.html"), html);
    }

    private static CaseState? Run(DecisionContext context, string sample)
    {
        CaseState? state = null;
        foreach (var (at, command) in Catalog.ReadScenario(sample).Steps)
        {
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            state = decision.IsRejected ? state : decision.State;
        }

        return state;
    }
}
