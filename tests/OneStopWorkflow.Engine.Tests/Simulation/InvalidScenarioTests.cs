using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Engine.Tests.Simulation;

/// <summary>
/// Each folder under InvalidScenarios/ holds a broken scenario file and the diagnostics it must produce
/// (file, line, column, code, message) in diagnostics.expected.txt.
/// </summary>
public sealed class InvalidScenarioTests
{
    private static readonly string Folder =
        Repository.PathOf("tests", "OneStopWorkflow.Engine.Tests", "Simulation", "InvalidScenarios");

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_expected_diagnostics_and_no_scenario(string name)
    {
        var folder = Path.Combine(Folder, name);

        var result = ScenarioRunner.Parse(
            File.ReadAllText(Path.Combine(folder, "scenario.json")), $"InvalidScenarios/{name}/scenario.json");

        Assert.Null(result.Scenario);
        Assert.True(result.HasErrors);
        Golden.Match(Path.Combine(folder, "diagnostics.expected.txt"),
            string.Concat(result.Diagnostics.Select(d => d + "\n")));
    }

    [Theory]
    [InlineData("malformed-json", "OSW1001")]
    [InlineData("unknown-property", "OSW1002")]
    [InlineData("missing-property", "OSW1003")]
    [InlineData("wrong-type", "OSW1004")]
    [InlineData("not-an-object", "OSW1004")]
    [InlineData("tick-false", "OSW1004")]
    [InlineData("bad-instant", "OSW1601")]
    [InlineData("unknown-actor", "OSW1602")]
    [InlineData("unknown-command", "OSW1603")]
    [InlineData("several-kinds", "OSW1604")]
    [InlineData("empty-commands", "OSW1605")]
    [InlineData("bad-sequence", "OSW1606")]
    public void Each_check_has_its_own_code(string name, string code)
    {
        var expected = File.ReadAllText(Path.Combine(Folder, name, "diagnostics.expected.txt"));

        Assert.Contains($" {code}: ", expected, StringComparison.Ordinal);
    }
}
