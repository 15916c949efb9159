using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// What a trail event concerns, in the procedure's words: the step, and the action, document, unit or outcome.
/// </summary>
internal static class TrailWords
{
    public static (LocalizedText? Step, LocalizedText? Detail) Of(
        CaseEvent e, CaseState state, LoadedVersion version)
    {
        var procedure = version.Procedure;
        LocalizedText? StepOf(StepId? id) => id is { } s ? procedure.FindStep(s)?.Title : null;
        StepId? TaskStep(string task) => state.Tasks.FirstOrDefault(t => t.Id == task)?.Step;
        return e switch
        {
            TaskActivated a => (StepOf(a.Step), version.Units.NameOf(a.Unit)),
            TaskCompleted c when TaskStep(c.Task) is { } step =>
                (StepOf(step), procedure.FindStep(step)?.FindAction(c.Action)?.Title ?? ResubmitTitle(c.Action)),
            TaskCancelled c => (StepOf(TaskStep(c.Task)), null),
            TaskReassigned r => (StepOf(TaskStep(r.Task)), version.Units.NameOf(r.To)),
            ClockPaused p => (StepOf(p.Step), null),
            EscalationFired f => (StepOf(f.Step), f.To is { } to ? version.Units.NameOf(to) : null),
            DocumentIssued d => (StepOf(d.Step),
                procedure.Documents.FirstOrDefault(x => x.Id == d.Document)?.Title ?? new(d.Document, d.Document)),
            CaseRescheduled r => (null, RejectionWords.Instant(version.Calendar.ToLocal(r.PromisedAppointment))),
            CaseFinished f => (null, RejectionWords.Outcome(f.Outcome)),
            _ => (null, null),
        };
    }

    private static LocalizedText? ResubmitTitle(string action) =>
        action == "resubmit" ? new("Nhận hồ sơ bổ sung", "Supplement recorded") : null;
}
