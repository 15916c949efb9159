using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;

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

    /// <summary>
    /// A case by id or dossier code with its whole trail as stored, read once: the rows are folded into the case and
    /// returned for showing, so a page that shows the trail does not read the events twice.
    /// </summary>
    public async Task<(StoredCase Case, IReadOnlyList<EventRow> Trail)?> FindWithTrailAsync(
        string key, CancellationToken cancellationToken)
    {
        var row = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == key, cancellationToken)
            ?? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.DossierCode == key, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var trail = await db.Events.AsNoTracking().Where(e => e.CaseId == row.Id).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var events = trail.Where(e => e.Sequence <= row.Version)
            .Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToImmutableArray();
        return (new StoredCase(CaseState.Replay(events), events, row), trail);
    }

    private async Task<StoredCase> ReplayAsync(CaseRow row, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking().Where(e => e.CaseId == row.Id && e.Sequence <= row.Version)
            .OrderBy(e => e.Sequence).Select(e => new { e.Type, e.Payload }).ToListAsync(cancellationToken);
        var events = rows.Select(e => EventSerializer.Deserialize(e.Type, e.Payload)).ToImmutableArray();
        return new StoredCase(CaseState.Replay(events), events, row);
    }

    /// <summary>
    /// Appends the decision's events to a case last read as <see cref="CaseSave.Before"/> (null for a new case), with
    /// EF Core: the reference the batch writer's statements are compared with, and the writer on SQL Server.
    /// Throws <see cref="ConcurrencyConflictException"/> when the case moved on in between; then nothing is written.
    /// Returns the rows written, the papers' ids set.
    /// </summary>
    public async Task<CaseChange> SaveAsync(CaseSave save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        var change = CaseRows.Of(save);
        if (change.IsNew)
        {
            db.Cases.Add(change.Case);
        }
        else
        {
            var tracked = CaseRows.Copy(save.Before!.Row);
            db.Cases.Attach(tracked);
            db.Entry(tracked).CurrentValues.SetValues(change.Case);
        }

        db.Events.AddRange(change.Events);
        db.EscalationClaims.AddRange(change.Claims);
        db.Documents.AddRange(change.Documents);
        db.OutboxMessages.AddRange(change.Mails);
        db.Tasks.AddRange(change.NewTasks);
        if (change.ChangedTasks.Count > 0)
        {
            var existing = await db.Tasks.Where(t => t.CaseId == change.Case.Id)
                .ToDictionaryAsync(t => t.TaskId, cancellationToken);
            foreach (var task in change.ChangedTasks)
            {
                var row = existing[task.TaskId];
                task.Id = row.Id;
                db.Entry(row).CurrentValues.SetValues(task);
            }
        }

        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await DayFigures.ApplyAsync(db, change.Figures, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return change;
        }
        catch (DbUpdateException ex) when (!change.IsNew)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(save.After.Id, change.ExpectedVersion, ex);
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
        CaseState state, IReadOnlyList<CaseEvent> events, DateTimeOffset? nextDueAt, WorkingCalendar calendar,
        ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var row = new CaseRow { Id = state.Id.Value };
        var (eventRows, claims, documents, last) = CaseRows.Append(row.Id, 0, TrailHash.Genesis, events, [], "seed");
        db.Events.AddRange(eventRows);
        db.EscalationClaims.AddRange(claims);
        db.Documents.AddRange(documents);
        CaseRows.Snapshot(row, state, nextDueAt, calendar, procedure);
        row.LastHash = last;
        db.Cases.Add(row);
        foreach (var task in state.Tasks)
        {
            var taskRow = new TaskRow { CaseId = row.Id, TaskId = task.Id };
            CaseRows.Fill(taskRow, task, calendar);
            db.Tasks.Add(taskRow);
        }
    }
}
