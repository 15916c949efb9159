using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>What one case counts for in the Decision 766 indicators (<see cref="CaseIndicators"/>).</summary>
public sealed class CaseIndicatorsTests
{
    private const string Monday = "2026-03-02T09:00:00+07:00";

    private static readonly ImmutableDictionary<string, string> Reason =
        ImmutableDictionary<string, string>.Empty.Add("reason", "Bổ sung bản vẽ thửa đất");

    private static readonly ProcedureDefinition PaperResult =
        Procedure with { Result = new ResultDefinition("result-notice", Paper: true) };

    private static CaseIndicators Of(CaseState state, ProcedureDefinition? procedure = null) =>
        CaseIndicators.Of(state, procedure ?? Procedure, Catalog.Calendar);

    private static (CaseState State, List<CaseEvent> Events) Receive(
        string channel = "counter", bool scans = false, string intake = "accept")
    {
        var papers = scans
            ? [.. LandTransferFields.Components.Select(c => c with
            {
                Scans = [new ScanReference("s1", "a.pdf", "application/pdf", 10, new string('a', 64))],
            })]
            : LandTransferFields.Components;
        var decision = Decide(null, Monday, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN")
        {
            Fields = Fields, Sequence = 7, Components = papers, Channel = channel, IntakeAction = intake,
            Input = intake == "accept" ? ImmutableDictionary<string, string>.Empty : Reason,
        });
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return (decision.State!, [.. decision.Events]);
    }

    [Fact]
    public void Two_supplement_requests_after_the_clock_started_make_a_case_late_and_one_does_not()
    {
        var run = Receive();
        run.State = run.Then("2026-03-03T09:00:00+07:00", new ActCommand(Officer, "request-supplement")
        {
            Input = Reason,
        });
        run.State = run.Then("2026-03-04T09:00:00+07:00", new ResubmitCommand(Clerk));
        var once = Of(run.State);
        run.State = run.Then("2026-03-05T09:00:00+07:00", new ActCommand(Officer, "request-supplement")
        {
            Input = Reason,
        });
        var twice = Of(run.State);

        Assert.Equal((1, false), (once.SupplementRequests, once.LateBySupplements));
        Assert.Equal((2, true), (twice.SupplementRequests, twice.LateBySupplements));
    }

    [Fact]
    public void A_supplement_asked_for_at_intake_is_not_one_the_clock_counts()
    {
        var run = Receive(intake: "request-supplement");
        run.State = run.Then("2026-03-03T09:00:00+07:00", new ResubmitCommand(Clerk));
        run.State = run.Then("2026-03-03T10:00:00+07:00", new ActCommand(Clerk, "accept"));

        Assert.Equal(At("2026-03-03T10:00:00+07:00"), run.State.ClockStartedAt);
        Assert.Equal(0, Of(run.State).SupplementRequests);
    }

    [Fact]
    public void Processing_time_counts_working_minutes_from_the_clock_start_less_the_time_the_clock_stopped()
    {
        var run = Receive();
        foreach (var (at, actor, action) in new[]
                 {
                     ("2026-03-03T09:00:00+07:00", Officer, "send-to-tax"),
                     ("2026-03-04T09:00:00+07:00", Officer, "tax-paid"),
                     ("2026-03-04T10:00:00+07:00", Officer, "submit"),
                     ("2026-03-04T11:00:00+07:00", Leader, "approve"),
                 })
        {
            run.State = run.Then(at, new ActCommand(actor, action));
        }

        var open = Of(run.State);
        run.State = run.Then("2026-03-05T09:00:00+07:00", new ActCommand(Clerk, "deliver"));

        // 2/3 09:00 to 5/3 09:00 is three working days (1 440 minutes); the tax took one (480).
        Assert.Null(open.ProcessingMinutes);
        Assert.Equal(960, Of(run.State).ProcessingMinutes);
    }

    [Fact]
    public void A_withdrawn_case_has_no_processing_time()
    {
        var run = Receive();
        run.State = run.Then("2026-03-03T09:00:00+07:00", new WithdrawCommand(Clerk, "Hai bên hủy hợp đồng"));

        Assert.Null(Of(run.State).ProcessingMinutes);
    }

    [Fact]
    public void Where_the_result_is_a_paper_an_online_dossier_counts_only_with_its_electronic_result()
    {
        var (state, _) = Receive("online", scans: true);
        var filed = state.Apply(new EResultIssued(At("2026-03-12T09:00:00+07:00"),
            new EventActor("system", "system", "HP.LECHAN"), "result-notice", "f", 1, new string('b', 64)));

        var paperBefore = Of(state, PaperResult);
        var paperAfter = Of(filed, PaperResult);
        var noPaper = Of(state);

        Assert.Equal((true, false, false, true), (paperBefore.Online, paperBefore.CountsOnline,
            paperBefore.CountsDigitised, paperBefore.Digitised));
        Assert.Equal(
            (true, true, true), (paperAfter.CountsOnline, paperAfter.CountsEResult, paperAfter.CountsDigitised));
        Assert.Equal((true, true, false), (noPaper.CountsOnline, noPaper.CountsDigitised, noPaper.CountsEResult));
    }

    [Fact]
    public void A_counter_dossier_without_scans_is_neither_online_nor_digitised()
    {
        var indicators = Of(Receive().State, PaperResult);

        Assert.Equal((false, false, true), (indicators.Online, indicators.Digitised, indicators.PaperResult));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(5, false)]
    public void A_rating_of_two_or_less_is_a_complaint(int score, bool complaint) =>
        Assert.Equal(complaint, CaseIndicators.IsComplaint(score));
}
