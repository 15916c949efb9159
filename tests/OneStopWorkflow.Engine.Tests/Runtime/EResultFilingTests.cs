using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// The e-result is filed once, by the system, for a resolved case of a version with <c>result</c>, naming that
/// document; the result document renders as the case stood at its end.
/// </summary>
public sealed class EResultFilingTests
{
    private static readonly string Sha = new('a', 64);

    private static readonly LookupPage Page = new("https://dichvucong.example/tra-cuu");

    [Fact]
    public void A_resolved_case_files_its_result_once_and_the_state_remembers_when()
    {
        var (context, state) = Run("land-use-transfer/v2/samples/on-time.json");
        Assert.True(EResultDue.IsDue(context.Procedure, state));

        var filed = Workflow.Decide(context, state, new FileEResultCommand("result-notice", "f1", 1234, Sha));

        var issued = Assert.IsType<EResultIssued>(Assert.Single(filed.Events));
        Assert.Equal(("result-notice", "f1", 1234L, Sha, context.Now), (issued.Document, issued.File, issued.Length,
            issued.Sha256, issued.At));
        Assert.Equal(Actor.System.User, issued.Actor.User);
        Assert.Equal(context.Now, filed.State!.EResultAt);
        Assert.False(EResultDue.IsDue(context.Procedure, filed.State));
        var again = Workflow.Decide(context, filed.State, new FileEResultCommand("result-notice", "f2", 1, Sha));
        Assert.Equal(RejectionCodes.EResultFiled, Assert.Single(again.Rejections).Code);
    }

    [Fact]
    public void Only_the_versions_result_document_is_filed()
    {
        var (context, state) = Run("land-use-transfer/v2/samples/on-time.json");

        var wrong = Workflow.Decide(context, state, new FileEResultCommand("receipt", "f1", 1, Sha));

        Assert.Equal("no-e-result.document", Assert.Single(wrong.Rejections).Key);
    }

    [Theory]
    [InlineData("land-use-transfer/v1/samples/on-time.json", "no-e-result.procedure")]
    [InlineData("land-use-transfer/v2/samples/withdrawn.json", "no-e-result.outcome")]
    [InlineData("land-use-transfer/v2/samples/refused-at-receipt.json", "no-e-result.outcome")]
    public void A_case_without_a_result_to_file_is_refused(string sample, string key)
    {
        var (context, state) = Run(sample);
        Assert.False(EResultDue.IsDue(context.Procedure, state));

        var refused = Workflow.Decide(context, state, new FileEResultCommand("result-notice", "f1", 1, Sha));

        Assert.Equal(key, Assert.Single(refused.Rejections).Key);
        Assert.Empty(refused.Events);
    }

    [Fact]
    public void A_case_still_open_has_no_result_to_file_yet()
    {
        var (context, _, events) = RunWithTrail("land-use-transfer/v2/samples/on-time.json");
        var open = CaseState.Replay(events.TakeWhile(e => e is not CaseFinished));
        Assert.False(open.IsFinished);

        var refused = Workflow.Decide(context, open, new FileEResultCommand("result-notice", "f1", 1, Sha));

        Assert.Equal("no-e-result", Assert.Single(refused.Rejections).Key);
    }

    [Fact]
    public void The_result_document_shows_the_case_at_its_end_signed_by_whoever_finished_it()
    {
        var (context, state, events) = RunWithTrail("land-use-transfer/v2/samples/on-time.json");
        var finished = events.OfType<CaseFinished>().Single();

        var html = DocumentRenderer.RenderResult(context, events, Page);

        Assert.Contains(state.DossierCode, html, StringComparison.Ordinal);
        Assert.Contains(LandTransferFields.Complete["applicant_name"], html, StringComparison.Ordinal);
        Assert.Contains(finished.Actor.Name!, html, StringComparison.Ordinal);
        // The same trail renders the same bytes, whatever came after the end.
        var later = events.Append(new EResultIssued(context.Now, finished.Actor, "result-notice", "f", 1, Sha));
        Assert.Equal(html, DocumentRenderer.RenderResult(context, [.. later], Page));
    }

    private static (DecisionContext Context, CaseState State) Run(string sample)
    {
        var (context, state, _) = RunWithTrail(sample);
        return (context, state);
    }

    private static (DecisionContext Context, CaseState State, List<CaseEvent> Events) RunWithTrail(string sample)
    {
        var path = Repository.PathOf("procedures", sample);
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var loaded = ProcedureLoader.Load(Catalog.ReadVersion(versionFolder, "procedure.json"),
            Catalog.Context(new DateOnly(2026, 6, 1)));
        var scenario = Catalog.ReadScenario(path);
        var outcome = ScenarioRunner.Execute(new DecisionContext(
            loaded.Procedure!, loaded.Sha256!, Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch), scenario);
        var context = outcome.Context with { Now = scenario.Until };
        return (context, outcome.State!, [.. outcome.Events]);
    }
}
