using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// What an action does to a case is judged from where it leads, so a screen can ask before a step that cannot be
/// undone: a refusal ends the case, a send-back returns it nearer the start, everything else moves it on.
/// </summary>
public sealed class ActionKindTests
{
    [Theory]
    [InlineData("sign-off", "send-back", true)]
    [InlineData("update-certificate", "submit", false)]
    [InlineData("tax-obligation", "tax-paid", false)]
    [InlineData("land-review", "send-to-tax", false)]
    [InlineData("land-review", "request-supplement", false)]
    public void A_step_leading_nearer_the_start_goes_back(string step, string action, bool back)
    {
        var to = Procedure.Step(new StepId(step)).FindAction(action)!.To;

        Assert.Equal(back, ProcedureGraph.GoesBack(Procedure, new StepId(step), to));
    }

    [Fact]
    public void The_officer_is_offered_refuse_as_an_ending_and_hand_up_but_no_withdrawal()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var actions = Workflow.AvailableActions(Context("2026-03-03T09:00:00+07:00"), state, Officer);
        var offers = Workflow.Offers(Context("2026-03-03T09:00:00+07:00"), state, Officer);

        Assert.Equal(ActionKind.Ends, actions.Single(a => a.Action == "refuse").Kind);
        Assert.Equal(ActionKind.Forward, actions.Single(a => a.Action == "send-to-tax").Kind);
        Assert.Single(offers.HandUp);
        Assert.False(offers.Withdraw);
        Assert.True(Workflow.Offers(Context("2026-03-03T09:00:00+07:00"), state, Clerk).Withdraw);
    }
}
