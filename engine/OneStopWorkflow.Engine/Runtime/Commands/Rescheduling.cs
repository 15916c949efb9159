using System.Globalization;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>
/// A leader promises the applicant a later appointment, once per case, and the apology slip is issued with it.
/// </summary>
internal static class Rescheduling
{
    /// <summary>
    /// The form number of the apology and new-appointment slip
    /// (Phiếu xin lỗi và hẹn lại ngày trả kết quả) in Circular 01/2018/TT-VPCP;
    /// a procedure's documents of this form are issued when the case is rescheduled.
    /// </summary>
    private const string ApologyForm = "04";

    public static void Apply(DecisionScope scope, RescheduleCommand command)
    {
        Reasons.Require(command.Reason, "reschedule");
        var state = scope.State;
        if (state.PromisedAppointment is not null)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.AlreadyRescheduled)
                .With("dossier", state.DossierCode)
                .With("date", RejectionWords.Instant(scope.Context.Calendar.ToLocal(state.PromisedAppointment.Value))));
        }

        if (state.Appointment is not { } appointment || command.NewAppointment <= appointment)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.BadDate).On("newAppointment"));
        }

        CheckNewAppointment(scope, appointment, command.NewAppointment);

        var units = state.OpenTasks.Select(t => t.Unit).Append(state.ReceivingUnit);
        var unit = units.FirstOrDefault(u => command.Actor.Holds(u, Roles.Leader)) ?? throw new RejectedException(
            Rejection.Of(RejectionCodes.NotAuthorized, "reschedule").With("dossier", state.DossierCode));
        var actor = EventActor.Of(command.Actor, Roles.Leader, unit);
        scope.Emit(new CaseRescheduled(scope.Now, actor, command.NewAppointment, command.Reason));
        scope.Issue(scope.Procedure.Documents.Where(d => d.Form == ApologyForm).Select(d => d.Id), null, actor);
    }

    /// <summary>
    /// A new appointment must lie after now, within the extension the procedure allows past the appointment, and
    /// within the years the calendar knows (a date beyond them could not be counted or kept).
    /// </summary>
    private static void CheckNewAppointment(DecisionScope scope, DateTimeOffset appointment, DateTimeOffset proposed)
    {
        var calendar = scope.Context.Calendar;
        if (proposed <= scope.Now)
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.BadDate, "past").On("newAppointment")
                .With("now", RejectionWords.Instant(calendar.ToLocal(scope.Now))));
        }

        if (!calendar.Knows(proposed))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.OutsideCalendar).On("newAppointment")
                .With("first", calendar.Years.Min.ToString(CultureInfo.InvariantCulture))
                .With("last", calendar.Years.Max.ToString(CultureInfo.InvariantCulture)));
        }

        if (scope.Procedure.MaxExtension is { } limit && proposed > Deadlines.Add(calendar, appointment, limit))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.BadDate, "too-far").On("newAppointment")
                .With("latest", RejectionWords.Instant(calendar.ToLocal(Deadlines.Add(calendar, appointment, limit))))
                .With("limit", RejectionWords.Duration(limit)));
        }
    }
}
