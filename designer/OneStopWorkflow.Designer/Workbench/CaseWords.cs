using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Cases;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Workbench;

/// <summary>
/// A case as an officer reads it on the case page: times, where it is, how it ended, who acted, in the UI
/// language. The facts come computed from the engine (status, timeliness, due times); this only puts them in words.
/// </summary>
public static class CaseWords
{
    public static string Time(DateTimeOffset at) => at.ToString("HH:mm dd/MM/yyyy");

    public static string TicketText(CaseTicket ticket) => ticket.Counter is { } counter
        ? F("ticket-at-counter", ticket.Number.ToString("000"), counter)
        : ticket.Number.ToString("000");

    /// <summary>The appointment, followed by the one promised in an apology when there is one.</summary>
    public static string AppointmentText(CaseView c) =>
        (c.Appointment is { } a ? Time(a) : "") + (c.PromisedAppointment is { } p ? $" → {Time(p)}" : "");

    /// <summary>The result as the citizen reads it: the outcome, when, and whether the promise was kept.</summary>
    public static string ResultText(CaseView c, DateTimeOffset finished)
    {
        var verdict = c.Timeliness is { } t && c.Outcome == "resolved" ? $" — {T("verdict-" + t)}" : "";
        return $"{T("outcome-" + c.Outcome)} {T("at-time")} {Time(finished)}{verdict}";
    }

    /// <summary>
    /// Where an open task stands: its step, who holds it (unit and role) and the step's due time; a wait says whom
    /// it waits for and since when.
    /// </summary>
    public static string NowAt(TaskView task)
    {
        var step = In(task.StepTitle) is { Length: > 0 } title ? title : task.Step;
        var since = task.ActivatedAt.ToString("dd/MM/yyyy");
        if (task.Awaits == WaitParty.Applicant)
        {
            return F("waiting-applicant", since) + $" — {step}";
        }

        var holder = (In(task.UnitName) is { Length: > 0 } unit ? unit : task.Unit)
            + (task.RoleTitle is { } role ? $", {In(role)}" : "");
        if (task.Awaits == WaitParty.Agency)
        {
            return F("waiting-agency", step, since) + $" — {holder}";
        }

        var due = task.Due is { } d ? $" ({T("step-due")}: {Time(d)})" : "";
        var late = task.DeadlineStatus == "overdue" ? $" — {T("step-overdue")}" : "";
        return $"{step} — {holder}{due}{late}";
    }

    /// <summary>"Đã thực hiện «Chuyển cơ quan thuế». Hồ sơ đang ở: …" or, when it ended, how it ended.</summary>
    public static string WhereNow(string title, CaseView c)
    {
        var done = F("done-action", title);
        if (c.FinishedAt is not null)
        {
            return $"{done} {T("case-now-finished")}: {T("outcome-" + c.Outcome)}.";
        }

        var open = c.Tasks.Where(t => t.Status == "open").Select(NowAt).ToList();
        return open.Count == 0 ? done : $"{done} {T("case-now-at")}: {string.Join("; ", open)}.";
    }

    /// <summary>What has been handed in of a component, in words: "Bản chính × 1", or that it has not been.</summary>
    public static string PapersText(ComponentLine line) =>
        line.Received.IsEmpty ? T("component-missing")
        : string.Join("; ", line.Received.Select(r => $"{In(ReceivedComponent.FormName(r.Form))} × {r.Quantity}"));

    /// <summary>A document's name and, when it has one, its form number.</summary>
    public static string DocumentLabel(DocumentSummary doc) =>
        (In(doc.Title) is { Length: > 0 } title ? title : doc.Document)
        + (doc.Form is { } f ? $" ({T("form-no")} {f})" : "");
}
