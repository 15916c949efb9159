using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Procedures.Tests;

/// <summary>
/// Every procedure's samples/*.json scenario runs through the simulator and must match its
/// samples/*.expected.json golden file (regenerate with OSW_UPDATE_GOLDEN=1 and review the diff).
/// </summary>
public sealed class SampleScenarioTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(Repository.PathOf("procedures"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "samples"
                && !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Matches_its_golden_result(string sample)
    {
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(Repository.PathOf(sample)))!;
        var context = Catalog.Context(new DateOnly(2026, 6, 1));
        var loaded = ProcedureLoader.Load(Catalog.ReadVersion(versionFolder, "procedure.json"), context);
        var decision = new DecisionContext(
            loaded.Procedure!, loaded.Sha256!, Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch);

        var output = ScenarioRunner.Run(decision, Catalog.ReadScenario(Repository.PathOf(sample)));

        Golden.Match(Repository.PathOf(sample).Replace(".json", ".expected.json", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Every_procedure_has_samples()
    {
        var procedures = Samples().Select(s => s.Data.Split('/')[1]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["birth-registration", "business-household-registration", "land-use-transfer"], procedures);
    }
}
