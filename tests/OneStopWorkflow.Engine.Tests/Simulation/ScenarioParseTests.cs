using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Engine.Tests.Simulation;

/// <summary>What a valid scenario reads as; the broken ones are in <see cref="InvalidScenarioTests"/>.</summary>
public sealed class ScenarioParseTests
{
    private const string Scenario = """
        {
          "actors": { "clerk.lechan": [ { "unit": "HP.LECHAN", "role": "clerk" } ], "outsider": [] },
          "receive": {
            "at": "2026-03-02T02:00:00Z", "unit": "HP.LECHAN", "actor": "clerk.lechan",
            "fields": { "area_m2": 84.50, "tax_exempt": false, "applicant_name": "Nguyễn Văn An" }
          },
          "commands": [
            { "at": "2026-03-02T10:00:00+07:00", "actor": "outsider", "withdraw": "đổi ý" },
            { "at": "2026-03-03T10:00:00+07:00", "tick": true }
          ]
        }
        """;

    [Fact]
    public void Reads_instants_with_their_offset_and_reports_at_the_last_command_when_no_until_is_given()
    {
        var scenario = ScenarioRunner.Parse(Scenario, "scenario.json").Scenario!;

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)), scenario.Steps[0].At);
        Assert.Equal(scenario.Steps[^1].At, scenario.Until);
        Assert.IsType<TickCommand>(scenario.Steps[^1].Command);
    }

    [Fact]
    public void Keeps_field_values_as_written_and_declares_an_actor_with_no_memberships()
    {
        var scenario = ScenarioRunner.Parse(Scenario, "scenario.json").Scenario!;

        var receive = Assert.IsType<ReceiveCommand>(scenario.Steps[0].Command);
        Assert.Equal("84.50", receive.Fields["area_m2"]);
        Assert.Equal("false", receive.Fields["tax_exempt"]);
        Assert.Equal(1, receive.Sequence);
        Assert.Empty(Assert.IsType<WithdrawCommand>(scenario.Steps[1].Command).Actor.Memberships);
    }
}
