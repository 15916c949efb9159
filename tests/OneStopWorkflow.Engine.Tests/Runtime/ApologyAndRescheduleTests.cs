using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>An apology and a new appointment are dates a citizen can rely on: ahead, and on the calendar.</summary>
public sealed class ApologyAndRescheduleTests
{
    [Fact]
    public void The_time_driven_apology_is_issued_at_least_one_working_day_before_the_appointment()
    {
        var run = Received("2026-03-02T09:00:00+07:00");
        var context = Context("2026-03-02T09:00:00+07:00");
        DateTimeOffset? last = null;
        while (Workflow.NextTick(context, run.State, last) is { } next && !run.Events.OfType<CaseRescheduled>().Any())
        {
            run.State = run.Then(next.ToString("O"), new TickCommand());
            last = next;
        }

        var rescheduled = run.Events.OfType<CaseRescheduled>().Single();
        var appointment = run.State.Appointment!.Value;
        var lead = Catalog.Calendar.WorkingTimeBetween(rescheduled.At, appointment).TotalHours;
        // The trigger is found to the second.
        Assert.True(lead >= (double)Catalog.Calendar.HoursPerDay - (1.0 / 3600),
            $"The apology at {rescheduled.At:O} is less than a working day before the appointment {appointment:O}.");
        Assert.True(rescheduled.PromisedAppointment > rescheduled.At);
    }

    [Fact]
    public void An_apology_issued_late_proposes_a_date_after_the_moment_it_is_issued()
    {
        var run = Received("2026-03-02T09:00:00+07:00");

        run.State = run.Then("2026-06-01T10:00:00+07:00", new TickCommand());

        var rescheduled = run.Events.OfType<CaseRescheduled>().Single();
        Assert.True(rescheduled.PromisedAppointment > At("2026-06-01T10:00:00+07:00"),
            $"{rescheduled.PromisedAppointment:O}");
    }

    [Theory]
    [InlineData("2026-03-16T09:00:00+07:00", "2026-03-13T09:00:00+07:00", "bad-date.past")]
    [InlineData("2026-03-10T09:00:00+07:00", "9999-12-31T09:00:00+07:00", "outside-calendar")]
    [InlineData("2026-03-10T09:00:00+07:00", "9999-12-31T23:59:59.9999999+00:00", "outside-calendar")]
    [InlineData("2026-03-10T09:00:00+07:00", "2026-03-20T09:00:00+07:00", "bad-date.too-far")]
    public void A_new_appointment_in_the_past_beyond_the_calendar_or_past_the_allowed_extension_is_refused(
        string now, string proposed, string refusal)
    {
        var procedure = Procedure with { MaxExtension = WorkingDuration.Days(3) };
        var received = Workflow.Decide(Context("2026-03-02T09:00:00+07:00", procedure), null,
            new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN") {
            Fields = Fields, Sequence = 7, Components = LandTransferFields.Components,
        });

        var decision = Workflow.Decide(Context(now, procedure), received.State!,
            new RescheduleCommand(Leader, At(proposed), "Chờ kết quả đo đạc"));

        var rejection = Assert.Single(decision.Rejections);
        Assert.Equal((refusal, "newAppointment"), (rejection.Key, rejection.Field));
    }
}
