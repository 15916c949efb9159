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
            EResultIssued r => (null,
                procedure.Documents.FirstOrDefault(x => x.Id == r.Document)?.Title ?? new(r.Document, r.Document)),
            ComponentsHandedIn h => (null, Papers(h, procedure)),
            FieldsSupplemented s => (null, Join(s.Fields.Keys.Order(StringComparer.Ordinal)
                .Select(name => procedure.Fields.FirstOrDefault(f => f.Name == name)?.Label ?? new(name, name)))),
            _ => (null, null),
        };
    }

    /// <summary>"Hợp đồng chuyển nhượng (Bản chính × 1); Giấy chứng nhận (Bản sao chứng thực × 1)".</summary>
    private static LocalizedText? Papers(ComponentsHandedIn handedIn, ProcedureDefinition procedure) =>
        Join(handedIn.Components.Select(r =>
        {
            var name = procedure.Components.FirstOrDefault(c => c.Id == r.Component)?.Name
                ?? new(r.Component, r.Component);
            var form = ReceivedComponent.FormName(r.Form);
            return new LocalizedText($"{name.Vi} ({form.Vi} × {r.Quantity})", $"{name.En} ({form.En} × {r.Quantity})");
        }));

    private static LocalizedText? Join(IEnumerable<LocalizedText> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? null
            : new(string.Join("; ", list.Select(p => p.Vi)), string.Join("; ", list.Select(p => p.En)));
    }

    private static LocalizedText? ResubmitTitle(string action) =>
        action == "resubmit" ? new("Nhận hồ sơ bổ sung", "Supplement recorded") : null;
}
