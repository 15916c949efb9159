using System.Text.Json.Nodes;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Testing;

namespace OneStopWorkflow.Designer.Tests.Designing;

public sealed class ScenarioFormTests
{
    private static readonly Lazy<LoadResult> Loaded = new(() => ProcedureLoader.Load(
        Catalog.ReadVersion(
            Repository.PathOf("procedures", "land-use-transfer", "v1"), "land-use-transfer/v1/procedure.json"),
        Catalog.Context(new DateOnly(2026, 6, 1))));

    private static ProcedureDefinition Procedure => Loaded.Value.Procedure!;

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(Repository.PathOf("procedures", "land-use-transfer", "v1", "samples"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_read_into_the_form_and_written_back_runs_as_the_sample_does(string sample)
    {
        var json = File.ReadAllText(Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", sample));

        var form = ScenarioForm.Read(json, Procedure, out var error);

        Assert.Null(error);
        Assert.Equal(Report(json), Report(form!.ToJson()));
    }

    [Fact]
    public void Shows_times_in_Vietnam_time_and_actors_as_their_unit_and_role()
    {
        var json = File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", "supplement-restart.json"));

        var form = ScenarioForm.Read(json, Procedure, out _)!;

        Assert.Equal(
            ("02/03/2026 09:00", "HP.LECHAN", "clerk"), (form.Receipt.At, form.Receipt.Unit, form.Receipt.Role));
        Assert.Equal("Nguyễn Văn An", form.Receipt.Values["applicant_name"]);
        var first = form.Commands[0];
        Assert.Equal(("act", "04/03/2026 10:00", "HP.VPDKDD.CN1", "land-officer", "land-review", "request-supplement"),
            (first.Kind, first.At, first.Unit, first.Role, first.Step, first.Action));
        Assert.Equal("Thiếu văn bản đồng ý của bên nhận thế chấp", first.Values["reason"]);
        Assert.Equal("resubmit", form.Commands[1].Kind);
    }

    [Fact]
    public void A_composed_command_declares_its_actor_and_writes_an_instant_the_engine_reads()
    {
        var json = File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", "on-time.json"));
        var form = ScenarioForm.Read(json, Procedure, out _)!;
        form.Commands.Clear();

        var row = form.AddCommand();
        (row.At, row.Unit, row.Role, row.Step, row.Action) =
            ("04/03/2026 10:00", "HP.VPDKDD.CN1", "land-officer", "land-review", "request-supplement");
        row.Values["reason"] = "Thiếu hợp đồng";
        var written = JsonNode.Parse(form.ToJson())!;

        var command = written["commands"]![0]!;
        Assert.Equal("2026-03-04T10:00:00+07:00", (string?)command["at"]);
        Assert.Equal("request-supplement", (string?)command["act"]);
        Assert.Equal("land-review", (string?)command["step"]);
        Assert.Equal("Thiếu hợp đồng", (string?)command["input"]!["reason"]);
        var actor = (string)command["actor"]!;
        Assert.Equal("HP.VPDKDD.CN1", (string?)Memberships(written["actors"]![actor]!)[0]!["unit"]);
        var outcome = Run(form.ToJson());
        Assert.Empty(outcome.Rejections);
        Assert.Contains(outcome.Events, e => e is TaskCompleted { Action: "request-supplement" });
    }

    [Fact]
    public void A_new_unit_and_role_pair_is_declared_as_a_new_actor()
    {
        var json = File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", "on-time.json"));
        var form = ScenarioForm.Read(json, Procedure, out _)!;
        var row = form.AddCommand();
        (row.Unit, row.Role, row.Kind, row.Reason) = ("HP.LECHAN", "land-officer", "withdraw", "Công dân xin rút");

        var written = JsonNode.Parse(form.ToJson())!;

        Assert.Equal("HP.LECHAN", (string?)written["actors"]!["land-officer@hp.lechan"]![0]!["unit"]);
        var command = written["commands"]!.AsArray()[^1]!;
        Assert.Equal(
            ("land-officer@hp.lechan", "Công dân xin rút"), ((string?)command["actor"], (string?)command["withdraw"]));
    }

    [Fact]
    public void Changing_the_kind_drops_what_the_old_kind_carried()
    {
        var json = File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", "supplement-restart.json"));
        var form = ScenarioForm.Read(json, Procedure, out _)!;

        form.Commands[0].Kind = "tick";
        var command = JsonNode.Parse(form.ToJson())!["commands"]![0]!.AsObject();

        Assert.Equal(["at", "tick"], command.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(ScenarioRunner.Parse(form.ToJson(), "scenario.json").HasErrors);
    }

    [Fact]
    public void A_time_that_is_no_date_is_written_as_typed_so_the_engine_names_it()
    {
        var json = File.ReadAllText(
            Repository.PathOf("procedures", "land-use-transfer", "v1", "samples", "on-time.json"));
        var form = ScenarioForm.Read(json, Procedure, out _)!;

        form.Commands[0].At = "31/02/2026 25:00";
        var parsed = ScenarioRunner.Parse(form.ToJson(), "scenario.json");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal("OSW1601", diagnostic.Code);
        Assert.Contains("31/02/2026 25:00", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_no_JSON_object_gives_a_reason_and_no_form()
    {
        Assert.Null(ScenarioForm.Read("[1, 2]", Procedure, out var error));
        Assert.NotNull(error);
        Assert.Null(ScenarioForm.Read("{ nope", Procedure, out error));
        Assert.NotNull(error);
    }

    private static JsonArray Memberships(JsonNode actor) =>
        actor as JsonArray ?? actor["memberships"]!.AsArray();

    private static ScenarioOutcome Run(string json)
    {
        var parsed = ScenarioRunner.Parse(json, "scenario.json");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return ScenarioRunner.Execute(Context(), parsed.Scenario!);
    }

    private static string Report(string json)
    {
        var outcome = Run(json);
        return ScenarioRunner.Report(outcome.Context, outcome.State, outcome.Events, outcome.Rejections);
    }

    private static DecisionContext Context() =>
        new(Procedure, "test", Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch);
}
