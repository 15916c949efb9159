using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

public sealed class WorkflowDecideTests
{
    [Fact]
    public void Computes_the_appointment_at_receipt()
    {
        var (state, _) = Received("2026-04-29T10:00:00+07:00");

        Assert.Equal(At("2026-05-13T10:00:00+07:00"), state.Appointment);
        Assert.Equal("HP.LECHAN-260429-0007", state.DossierCode);
        Assert.Equal("land-review", state.OpenTasks.Single().Step.Value);
    }

    [Fact]
    public void Replaying_the_events_gives_an_identical_state()
    {
        var run = Received("2026-03-02T09:00:00+07:00");
        run.State = run.Then("2026-03-03T10:00:00+07:00", new ActCommand(Officer, "send-to-tax"));
        run.State = run.Then("2026-03-10T10:00:00+07:00", new ActCommand(Officer, "tax-paid"));

        var replayed = CaseState.Replay(run.Events);

        Assert.Equal(run.State.Version, replayed.Version);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(run.State), System.Text.Json.JsonSerializer.Serialize(replayed));
    }

    [Theory]
    [InlineData("clerk.hongan", "HP.HONGAN", "clerk")]
    [InlineData("officer.cn2", "HP.VPDKDD.CN2", "land-officer")]
    [InlineData("clerk.lechan", "HP.LECHAN", "clerk")]
    public void Rejects_an_actor_of_the_wrong_role_or_unit_with_a_reason(string user, string unit, string role)
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var decision = Decide(state, "2026-03-03T09:00:00+07:00",
            new ActCommand(new Actor(user, [new Membership(unit, role)]), "send-to-tax"));

        var rejection = Assert.Single(decision.Rejections);
        Assert.Equal("not-authorized", rejection.Code);
        Assert.Contains("Land registration officer at Land Registration Office, branch 1", rejection.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_leader_of_the_parent_unit_may_act()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");
        var cityLeader = new Actor("leader.city", [new Membership("HP.VPDKDD", "leader")]);

        var decision = Decide(state, "2026-03-03T09:00:00+07:00", new ActCommand(cityLeader, "send-to-tax"));

        Assert.False(decision.IsRejected);
        Assert.Equal("leader", decision.Events.OfType<TaskCompleted>().Single().Actor.Role);
    }

    [Fact]
    public void Rejects_an_action_the_step_does_not_have()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var decision = Decide(state, "2026-03-03T09:00:00+07:00",
            new ActCommand(Officer, "approve") { Step = new StepId("land-review") });

        Assert.Contains(
            "has no action 'approve'", Assert.Single(decision.Rejections).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_command_on_a_case_changed_since_it_was_opened()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var decision = Decide(state, "2026-03-03T09:00:00+07:00",
            new ActCommand(Officer, "send-to-tax") { ExpectedVersion = state.Version - 1 });

        Assert.Equal("case-changed", Assert.Single(decision.Rejections).Code);
    }

    [Fact]
    public void A_paused_wait_moves_the_appointment_by_exactly_the_paused_working_time_across_a_weekend_and_a_holiday()
    {
        var run = Received("2026-04-22T09:00:00+07:00");
        var before = run.State.Appointment!.Value;
        run.State = run.Then("2026-04-23T10:00:00+07:00", new ActCommand(Officer, "send-to-tax"));
        run.State = run.Then("2026-04-29T10:00:00+07:00", new ActCommand(Officer, "tax-paid"));

        // Thu 23/4 10:00 → Wed 29/4 10:00 skips the weekend and the Hùng Kings day off (Mon 27/4): 3 working days.
        var paused = Catalog.Calendar.WorkingTimeBetween(
            At("2026-04-23T10:00:00+07:00"), At("2026-04-29T10:00:00+07:00"));
        Assert.Equal(TimeSpan.FromHours(24), paused);
        Assert.Equal(Catalog.Calendar.AddWorkingHours(before, 24), run.State.Appointment);
        Assert.Equal(TimeSpan.FromHours(24), run.Events.OfType<ClockResumed>().Single().PausedWorkingTime);
    }

    [Fact]
    public void Tick_twice_or_days_late_fires_each_escalation_once()
    {
        var run = Received("2026-03-02T09:00:00+07:00");
        foreach (var now in
            new[] { "2026-03-20T10:00:00+07:00", "2026-03-20T10:00:00+07:00", "2026-03-27T10:00:00+07:00" })
        {
            run.State = run.Then(now, new TickCommand());
        }

        var fired = run.Events.OfType<EscalationFired>().Select(e => e.Rule).ToList();
        Assert.Equal(["overdue-notify-leader", "overdue-to-parent", "apology-before-deadline"], fired);
        Assert.Single(run.Events.OfType<CaseRescheduled>());
    }

    [Fact]
    public void Ticking_when_NextTick_says_fires_every_escalation_and_a_second_earlier_fires_none()
    {
        var state = Received("2026-03-02T09:00:00+07:00").State;
        var context = Context("2026-03-02T09:00:00+07:00");
        var fired = new List<string>();
        DateTimeOffset? last = null;
        while (Workflow.NextTick(context, state, last) is { } next)
        {
            var early = Workflow.Decide(context with { Now = next.AddSeconds(-1) }, state, new TickCommand());
            var onTime = Workflow.Decide(context with { Now = next }, state, new TickCommand());

            Assert.DoesNotContain(early.Events, e => e is EscalationFired);
            fired.AddRange(onTime.Events.OfType<EscalationFired>().Select(e => e.Rule));
            (state, last) = (onTime.State!, next);
            Assert.True(fired.Count < 10, "NextTick keeps returning work that a tick does not do.");
        }

        Assert.Equal(["overdue-notify-leader", "overdue-to-parent", "apology-before-deadline"], fired);
    }

    [Fact]
    public void A_case_started_on_v1_still_follows_v1_after_v2_is_loaded()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");
        var v2 = Procedure with
        {
            Version = 2, Steps = [.. Procedure.Steps.Where(s => s.Id.Value != "tax-obligation")],
        };

        Assert.Throws<InvalidOperationException>(() =>
            Workflow.Decide(
                Context("2026-03-03T09:00:00+07:00", v2, "v2-hash"), state, new ActCommand(Officer, "send-to-tax")));
        var onV1 = Workflow.Decide(Context("2026-03-03T09:00:00+07:00"), state, new ActCommand(Officer, "send-to-tax"));
        Assert.Equal("tax-obligation", onV1.State!.OpenTasks.Single().Step.Value);
        Assert.Equal(1, onV1.State.ProcedureVersion);
    }

    [Fact]
    public void A_reschedule_is_allowed_once_and_never_turns_late_into_on_time()
    {
        var run = Received("2026-03-02T09:00:00+07:00");
        run.State = run.Then("2026-03-10T09:00:00+07:00",
            new RescheduleCommand(Leader, At("2026-03-20T09:00:00+07:00"), "Chờ kết quả đo đạc"));

        var second = Decide(run.State, "2026-03-11T09:00:00+07:00",
            new RescheduleCommand(Leader, At("2026-03-25T09:00:00+07:00"), "again"));

        Assert.Equal("already-rescheduled", Assert.Single(second.Rejections).Code);
        Assert.Equal(At("2026-03-12T09:00:00+07:00"), run.State.Appointment);
        Assert.Equal(At("2026-03-20T09:00:00+07:00"), run.State.CurrentAppointment);
    }

    [Fact]
    public void Time_never_runs_backwards()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var decision = Decide(state, "2026-03-01T09:00:00+07:00", new ActCommand(Officer, "send-to-tax"));

        Assert.Equal("time-backwards", Assert.Single(decision.Rejections).Code);
    }

    [Fact]
    public void Offers_only_the_actions_the_actor_may_take()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        var forOfficer = Workflow.AvailableActions(Context("2026-03-03T09:00:00+07:00"), state, Officer);
        var forClerk = Workflow.AvailableActions(Context("2026-03-03T09:00:00+07:00"), state, OtherClerk);

        Assert.Equal(["send-to-tax", "request-supplement", "refuse"], forOfficer.Select(a => a.Action));
        Assert.Empty(forClerk);
    }
}
