using System.Security.Cryptography;
using System.Text;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Persistence.Escalations;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Trail;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// The rows one saved decision writes: the case's snapshot row, its new trail rows (hash-chained), the escalation
/// claims and documents they carry, the task rows that changed and what the decision adds to the day figures. Built
/// once, in memory, by <see cref="CaseRows.Of"/>; the EF store and the batch writer write the same rows.
/// </summary>
public sealed record CaseChange(
    CaseRow Case, bool IsNew, int ExpectedVersion, IReadOnlyList<EventRow> Events,
    IReadOnlyList<EscalationClaimRow> Claims, IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<TaskRow> NewTasks, IReadOnlyList<TaskRow> ChangedTasks, FigureDelta Figures)
{
    /// <summary>The outbox rows of the mails the events cause (none for a case without an applicant address).</summary>
    public IReadOnlyList<Outbox.OutboxMessageRow> Mails { get; init; } = [];
}

/// <summary>Builds the rows of a decision from the engine's state; it derives nothing the engine knows.</summary>
public static class CaseRows
{
    /// <summary>
    /// The rows <paramref name="save"/> writes. Tasks are compared with the state before, so only those that changed
    /// are written, and working hours are counted only for them.
    /// </summary>
    public static CaseChange Of(CaseSave save)
    {
        ArgumentNullException.ThrowIfNull(save);
        var (before, after, events, nextDueAt, documents, actedBy, calendar) = save;
        var procedure = save.Procedure;
        var row = before is null ? new CaseRow { Id = after.Id.Value, LastHash = TrailHash.Genesis } : Copy(before.Row);
        var expectedVersion = row.Version;
        DayFigures.Contribution? contributed = before is null ? null : DayFigures.Contribution.Of(row);
        var (eventRows, claims, documentRows, last) =
            Append(row.Id, expectedVersion, row.LastHash, events, documents, actedBy);
        Snapshot(row, after, nextDueAt, calendar, procedure);
        row.LastHash = last;
        row.LeaseOwner = null;
        row.LeaseUntil = null;

        var old = before?.State.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal) ?? [];
        List<TaskRow> added = [], changed = [];
        List<DayFigures.FinishedTask> finished = [];
        foreach (var task in after.Tasks)
        {
            old.TryGetValue(task.Id, out var was);
            if (was is not null && (ReferenceEquals(was, task) || SameRow(was, task)))
            {
                continue;
            }

            var taskRow = new TaskRow { CaseId = row.Id, TaskId = task.Id };
            Fill(taskRow, task, calendar);
            (was is null ? added : changed).Add(taskRow);
            if (was?.Status != TaskStatus.Completed && taskRow.Status == TaskStatus.Completed && taskRow.Due is { } due)
            {
                finished.Add(new(taskRow.Step, taskRow.CompletedAt <= due, taskRow.WorkingHours));
            }
        }

        var figures = DayFigures.Delta(row, contributed, events.Count(e => e is EscalationFired), finished);
        return new CaseChange(
            row, before is null, expectedVersion, eventRows, claims, documentRows, added, changed, figures)
        {
            Mails = save.Mails.Count == 0 ? []
                : Outbox.OutboxRows.Of(row.Id, save.Mails, sequence => events[sequence - expectedVersion - 1].At),
        };
    }

    /// <summary>Whether two states of a task give the same row (the row has no field for the rest).</summary>
    private static bool SameRow(TaskState a, TaskState b) =>
        a.Step == b.Step && a.Unit == b.Unit && a.Role == b.Role && a.Status == b.Status
        && a.ActivatedAt == b.ActivatedAt && a.Due == b.Due && a.CompletedAt == b.CompletedAt && a.Action == b.Action;

    /// <summary>
    /// The trail rows of <paramref name="events"/> after event <paramref name="after"/>, each hashed over its content
    /// and the previous hash, with the escalation claims and documents they carry, and the last hash.
    /// </summary>
    internal static (List<EventRow> Events, List<EscalationClaimRow> Claims, List<DocumentRow> Documents, string Last)
        Append(string caseId, int after, string previous, IReadOnlyList<CaseEvent> events,
            IReadOnlyList<RenderedDocument> documents, string actedBy)
    {
        List<EventRow> eventRows = [];
        List<EscalationClaimRow> claims = [];
        List<DocumentRow> documentRows = [];
        var sequence = after;
        foreach (var e in events)
        {
            sequence++;
            var eventRow = new EventRow
            {
                CaseId = caseId, Sequence = sequence, Type = e.Type, At = e.At,
                User = e.Actor.User, Role = e.Actor.Role, Unit = e.Actor.Unit,
                Payload = EventSerializer.Serialize(e), PreviousHash = previous,
            };
            eventRow.Hash = TrailHash.Compute(eventRow);
            previous = eventRow.Hash;
            eventRows.Add(eventRow);
            if (e is EscalationFired fired)
            {
                claims.Add(new EscalationClaimRow
                {
                    CaseId = caseId, Key = fired.Key, ClaimedBy = actedBy, FiredAt = fired.At, EventSequence = sequence,
                });
            }

            foreach (var document in documents.Where(d => d.Sequence == sequence))
            {
                documentRows.Add(new DocumentRow
                {
                    CaseId = caseId, EventSequence = sequence,
                    Document = document.Issued.Document, Form = document.Issued.Form,
                    MediaType = "text/html", Content = document.Html, IssuedAt = e.At,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html))),
                });
            }
        }

        return (eventRows, claims, documentRows, previous);
    }

    /// <summary>Copies the case's facts as the engine computes them onto its row; nothing is derived here.</summary>
    internal static void Snapshot(
        CaseRow row, CaseState state, DateTimeOffset? nextDueAt, WorkingCalendar calendar,
        ProcedureDefinition procedure)
    {
        row.DossierCode = state.DossierCode;

        // A trail from before secrets were hashed has no hash on it: its row keeps the one the upgrade wrote.
        row.SecretHash = state.SecretHash ?? row.SecretHash;
        row.ProcedureCode = state.Procedure.Value;
        row.ProcedureVersion = state.ProcedureVersion;
        row.ProcedureHash = state.ProcedureHash;
        row.ReceivingUnit = state.ReceivingUnit;
        row.Channel = state.Channel;
        row.Status = state.Status;
        row.ReceivedAt = state.ReceivedAt;
        row.Appointment = state.Appointment;
        row.PromisedAppointment = state.PromisedAppointment;
        row.NextDueAt = nextDueAt;
        row.FinishedAt = state.FinishedAt;
        row.Outcome = state.Outcome?.ToString();

        // Instants on the trail carry the calendar's offset, so their own date is the local day.
        row.ReceivedDay = Day(state.ReceivedAt);
        row.FinishedDay = state.FinishedAt is { } f ? Day(f) : null;
        row.Timeliness = Deadlines.TimelinessOf(state, calendar) is { } timeliness
            ? CaseRow.TimelinessText(timeliness)
            : null;
        row.Version = state.Version;
        row.Copy(CaseIndicators.Of(state, procedure, calendar));
    }

    internal static void Fill(TaskRow row, TaskState task, WorkingCalendar calendar)
    {
        row.Step = task.Step.Value;
        row.Unit = task.Unit;
        row.Role = task.Role;
        row.Status = task.Status;
        row.ActivatedAt = task.ActivatedAt;
        row.Due = task.Due;
        row.CompletedAt = task.CompletedAt;
        row.Action = task.Action;
        row.WorkingHours = Deadlines.WorkingHoursOf(task, calendar);
    }

    private static string Day(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A copy of a row, so that a decision being written never changes the row a cache holds.</summary>
    internal static CaseRow Copy(CaseRow row) => new CaseRow
    {
        Id = row.Id, DossierCode = row.DossierCode, SecretHash = row.SecretHash, ProcedureCode = row.ProcedureCode,
        ProcedureVersion = row.ProcedureVersion, ProcedureHash = row.ProcedureHash, ReceivingUnit = row.ReceivingUnit,
        Channel = row.Channel, Status = row.Status, ReceivedAt = row.ReceivedAt, Appointment = row.Appointment,
        PromisedAppointment = row.PromisedAppointment, NextDueAt = row.NextDueAt, FinishedAt = row.FinishedAt,
        Outcome = row.Outcome, Timeliness = row.Timeliness, ReceivedDay = row.ReceivedDay,
        FinishedDay = row.FinishedDay, Version = row.Version, LastHash = row.LastHash, LeaseOwner = row.LeaseOwner,
        LeaseUntil = row.LeaseUntil,
    }.WithIndicatorsOf(row);
}
