using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Persistence.Escalations;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// Reads cases by replaying their trail and saves decisions: the new events (hash-chained), the snapshot row,
/// the tasks, rendered documents and escalation claims, all in one transaction guarded by the case version.
/// </summary>
public sealed class CaseStore(OneStopDbContext db)
{
    public async Task<StoredCase?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return row is null ? null : await ReplayAsync(row, cancellationToken);
    }

    public async Task<StoredCase?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken)
    {
        var row = await db.Cases.AsNoTracking()
            .SingleOrDefaultAsync(c => c.DossierCode == dossierCode, cancellationToken);
        return row is null ? null : await ReplayAsync(row, cancellationToken);
    }

    private async Task<StoredCase> ReplayAsync(CaseRow row, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking().Where(e => e.CaseId == row.Id && e.Sequence <= row.Version)
            .OrderBy(e => e.Sequence).Select(e => new { e.Type, e.Payload }).ToListAsync(cancellationToken);
        var events = rows.Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToImmutableArray();
        return new StoredCase(CaseState.Replay(events), events, row);
    }

    /// <summary>
    /// Appends <paramref name="events"/> to a case last read as <paramref name="before"/> (null for a new case).
    /// Throws <see cref="ConcurrencyConflictException"/> when the case moved on in between; then nothing is written.
    /// </summary>
    public async Task SaveAsync(CaseSave save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        var (before, after, events, nextDueAt, documents, actedBy, calendar) = save;
        var row = before?.Row ?? new CaseRow { Id = after.Id.Value, LastHash = TrailHash.Genesis };
        var expectedVersion = row.Version;
        DayFigures.Contribution? contributed = before is null ? null : DayFigures.Contribution.Of(row);
        if (before is not null)
        {
            db.Cases.Attach(row);
        }
        else
        {
            db.Cases.Add(row);
        }

        var previous = Append(row, expectedVersion, row.LastHash, events, documents, actedBy);
        Snapshot(row, after, nextDueAt, calendar);
        row.LastHash = previous;
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        var finished = await SyncTasksAsync(row.Id, after, before is null, calendar, cancellationToken);
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await DayFigures.ApplyAsync(
                db, row, contributed, events.Count(e => e is EscalationFired), finished, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }
        catch (DbUpdateException ex) when (before is not null)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(after.Id, expectedVersion, ex);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// Adds a whole new case (trail, snapshot, tasks) to the context without saving: bulk loading saves many at once.
    /// The trail is hash-chained exactly as <see cref="SaveAsync"/> chains it.
    /// </summary>
    public void Stage(
        CaseState state, IReadOnlyList<CaseEvent> events, DateTimeOffset? nextDueAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var row = new CaseRow { Id = state.Id.Value };
        var last = Append(row, 0, TrailHash.Genesis, events, [], "seed");
        Snapshot(row, state, nextDueAt, calendar);
        row.LastHash = last;
        db.Cases.Add(row);
        foreach (var task in state.Tasks)
        {
            var taskRow = new TaskRow { CaseId = row.Id, TaskId = task.Id };
            Fill(taskRow, task, calendar);
            db.Tasks.Add(taskRow);
        }
    }

    /// <summary>
    /// Adds the trail rows of <paramref name="events"/> after event <paramref name="after"/>, each hashed over its
    /// content and the previous hash, with the escalation claims and documents they carry. Returns the last hash.
    /// </summary>
    private string Append(
        CaseRow row, int after, string previous, IReadOnlyList<CaseEvent> events,
        IReadOnlyList<RenderedDocument> documents, string actedBy)
    {
        var sequence = after;
        foreach (var e in events)
        {
            sequence++;
            var eventRow = new EventRow
            {
                CaseId = row.Id, Sequence = sequence, Type = e.Type, At = e.At,
                User = e.Actor.User, Role = e.Actor.Role, Unit = e.Actor.Unit,
                Payload = EventSerializer.Serialize(e), PreviousHash = previous,
            };
            eventRow.Hash = TrailHash.Compute(eventRow);
            previous = eventRow.Hash;
            db.Events.Add(eventRow);
            if (e is EscalationFired fired)
            {
                db.EscalationClaims.Add(new EscalationClaimRow
                {
                    CaseId = row.Id, Key = fired.Key, ClaimedBy = actedBy, FiredAt = fired.At, EventSequence = sequence,
                });
            }

            foreach (var document in documents.Where(d => d.Sequence == sequence))
            {
                db.Documents.Add(new DocumentRow
                {
                    CaseId = row.Id, EventSequence = sequence,
                    Document = document.Issued.Document, Form = document.Issued.Form,
                    MediaType = "text/html", Content = document.Html, IssuedAt = e.At,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html))),
                });
            }
        }

        return previous;
    }

    /// <summary>Copies the case's facts as the engine computes them onto its row; nothing is derived here.</summary>
    private static void Snapshot(CaseRow row, CaseState state, DateTimeOffset? nextDueAt, WorkingCalendar calendar)
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
    }

    private static string Day(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Brings the task rows in line with the state; returns the tasks with a deadline that finished just now.
    /// </summary>
    private async Task<List<DayFigures.FinishedTask>> SyncTasksAsync(
        string caseId, CaseState state, bool isNew, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var existing = isNew
            ? []
            : await db.Tasks.Where(t => t.CaseId == caseId).ToDictionaryAsync(t => t.TaskId, cancellationToken);
        var finished = new List<DayFigures.FinishedTask>();
        foreach (var task in state.Tasks)
        {
            if (!existing.TryGetValue(task.Id, out var row))
            {
                row = new TaskRow { CaseId = caseId, TaskId = task.Id };
                db.Tasks.Add(row);
            }

            var wasCompleted = existing.ContainsKey(task.Id) && row.Status == TaskStatus.Completed;
            Fill(row, task, calendar);
            if (!wasCompleted && row.Status == TaskStatus.Completed && row.Due is { } due)
            {
                finished.Add(new(row.Step, row.CompletedAt <= due, row.WorkingHours));
            }
        }

        return finished;
    }

    private static void Fill(TaskRow row, TaskState task, WorkingCalendar calendar)
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
}
