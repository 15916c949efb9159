using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Cli.Tests;

/// <summary><c>onestop simulate</c> on a broken scenario file: its diagnostics, as an author reads them.</summary>
public sealed class SimulateCommandTests
{
    private const string Version = "procedures/land-use-transfer/v1";
    private const string Broken = "tests/OneStopWorkflow.Cli.Tests/Scenarios/broken.json";

    [Theory]
    [InlineData("in memory")]
    [InlineData("--store")]
    public async Task Prints_the_diagnostics_of_a_broken_scenario_with_their_place_and_exits_1(string mode)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite", ["ConnectionStrings__OneStop"] = database.ConnectionString,
        };
        string[] args = mode == "--store" ? ["simulate", Version, Broken, "--store"] : ["simulate", Version, Broken];

        var (exitCode, output, error) = await Onestop.RunAsync(environment, args);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            [
                $"{Broken}(14,51): error OSW1602: $.commands[0].actor names actor 'oficer.cn1', who is not declared in "
                + "$.actors (declared: clerk.lechan, officer.cn1). Did you mean 'officer.cn1'? Declare the actor there "
                + "with its memberships, or with [] for someone who holds none.",
                $"{Broken}(15,13): error OSW1601: $.commands[1].at is '2026-03-04T10:00:00', which is not a valid "
                + "instant; write the date, the time and the UTC offset in ISO 8601 form, "
                + "e.g. '2026-03-02T09:00:00+07:00'.",
            ],
            error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
