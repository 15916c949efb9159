using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>Writes the outcome of a scenario as stable, indented JSON (the golden files compare it).</summary>
internal sealed class ScenarioReport(WorkingCalendar calendar)
{
    public string Write(
        DecisionContext context, CaseState? state, IReadOnlyList<CaseEvent> events,
        IReadOnlyList<ScenarioRejection> rejections)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartObject();
            w.WriteString("procedure", $"{context.Procedure.Code} v{context.Procedure.Version}");
            if (state is not null)
            {
                Case(w, context, state);
            }

            w.WriteStartArray("rejections");
            foreach (var (at, command, reasons) in rejections)
            {
                w.WriteStartObject();
                w.WriteString("at", Iso(at));
                w.WriteString("command", command);
                w.WriteStartArray("reasons");
                foreach (var reason in reasons)
                {
                    w.WriteStringValue($"{reason.Code}: {reason.Message}");
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Events(w, events);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private void Case(Utf8JsonWriter w, DecisionContext context, CaseState state)
    {
        w.WriteString("dossierCode", state.DossierCode);
        w.WriteString("receivedAt", Iso(state.ReceivedAt));
        Optional(w, "appointment", state.Appointment);
        Optional(w, "promisedAppointment", state.PromisedAppointment);
        var outcome = new ScenarioOutcome(context, state, [], []);
        w.WriteString("status", outcome.CaseStatus);
        var deadline = Deadlines.StatusOf(state, context.Procedure, calendar, context.Now);
        w.WriteString("deadlineStatus", deadline is { } d ? Names.Kebab(d.ToString()) : null);
        w.WriteString("outcome", state.Outcome is { } o ? Names.Kebab(o.ToString()) : null);
        Optional(w, "finishedAt", state.FinishedAt);
        var timeliness = Deadlines.TimelinessOf(state, calendar);
        if (timeliness is null || state.Outcome != Definitions.Outcome.Resolved)
        {
            w.WriteNull("onTime");
        }
        else
        {
            w.WriteBoolean("onTime", timeliness != Timeliness.Late);
        }

        w.WriteString("timeliness", outcome.Timeliness);
        w.WriteStartArray("tasks");
        foreach (var task in state.Tasks)
        {
            w.WriteStartObject();
            w.WriteString("step", task.Step.Value);
            w.WriteString("unit", task.Unit);
            w.WriteString("role", task.Role);
            w.WriteString("activatedAt", Iso(task.ActivatedAt));
            Optional(w, "due", task.Due);
            Optional(w, "completedAt", task.CompletedAt);
            w.WriteString("action", task.Cancelled ? "(cancelled)" : task.Action);
            w.WriteString("status", outcome.StatusOf(task));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void Events(Utf8JsonWriter w, IReadOnlyList<CaseEvent> events)
    {
        w.WriteStartArray("escalations");
        foreach (var e in events.OfType<EscalationFired>())
        {
            w.WriteStartObject();
            w.WriteString("step", e.Step?.Value);
            w.WriteString("rule", e.Rule);
            w.WriteString("at", Iso(e.At));
            w.WriteString("to", e.To);
            w.WriteString("notify", e.Notify);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("documents");
        foreach (var e in events.OfType<DocumentIssued>())
        {
            w.WriteStartObject();
            w.WriteString("id", e.Document);
            w.WriteString("form", e.Form);
            w.WriteString("step", e.Step?.Value);
            w.WriteString("at", Iso(e.At));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("events");
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            w.WriteStringValue(
                $"{i + 1} {Iso(e.At)} {e.Type} by {e.Actor.User} as {e.Actor.Role} at {e.Actor.Unit}{Detail(e)}");
        }

        w.WriteEndArray();
    }

    private string Detail(CaseEvent e) => e switch
    {
        CaseReceived r => $": {r.DossierCode} via {r.Channel}",
        ComponentsHandedIn h => h.Components.IsEmpty
            ? ": none"
            : ": " + string.Join(", ", h.Components.Select(p => $"{p.Component} {p.Form} x{p.Quantity}")),
        FieldsSupplemented f => ": " + string.Join(", ", f.Fields
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        ClockStarted s => $": appointment {Iso(s.Appointment)}",
        ClockResumed r => $": paused {r.PausedWorkingTime.TotalHours:0.##} working hours, "
            + $"appointment {Iso(r.Appointment)}",
        ClockRestarted r => $": appointment {Iso(r.Appointment)}",
        ClockPaused p => $": at {p.Step}",
        TaskActivated a => $": {a.Task} {a.Step} at {a.Unit}{(a.Due is { } due ? $" due {Iso(due)}" : "")}",
        TaskCompleted c => $": {c.Task} {c.Action}" + (c.Input.IsEmpty
            ? ""
            : " " + string.Join(", ", c.Input
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}"))),
        TaskCancelled c => $": {c.Task}",
        TaskReassigned r => $": {r.Task} {r.From} -> {r.To} ({r.Reason})",
        BranchJoined j => $": {j.Branch} -> {j.Join}",
        EscalationFired f => $": {f.Rule}{(f.To is null ? "" : $" -> {f.To}")}"
            + $"{(f.Notify is null ? "" : $", notify {f.Notify}")}",
        DocumentIssued d => $": {d.Document}{(d.Form is null ? "" : $" (Mẫu {d.Form})")}",
        CaseRescheduled r => $": promised {Iso(r.PromisedAppointment)} ({r.Reason})",
        CaseFinished f => $": {Names.Kebab(f.Outcome.ToString())}{(f.Reason is null ? "" : $" ({f.Reason})")}",
        _ => "",
    };

    private string Iso(DateTimeOffset instant) => calendar.Format(instant);

    private void Optional(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Iso(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
