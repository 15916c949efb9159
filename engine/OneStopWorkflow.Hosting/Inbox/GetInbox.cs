using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Hosting.Inbox;

/// <summary>An open task in a unit's inbox, with the case it belongs to and its deadline status now.</summary>
public sealed record InboxItem(
    string CaseId, string DossierCode, string Procedure, string TaskId, string Step, string? Role,
    DateTimeOffset ActivatedAt, DateTimeOffset? Due, string? DeadlineStatus, DateTimeOffset? Appointment)
{
    /// <summary>The procedure's title, for people (the code is for machines).</summary>
    public LocalizedText? ProcedureTitle { get; init; }

    /// <summary>The step's title, for people.</summary>
    public LocalizedText? StepTitle { get; init; }

    /// <summary>The applicant's name as received (the applicant_name field), so a clerk knows the dossier.</summary>
    public string? Applicant { get; init; }
}

/// <summary>A page of the inbox and how many tasks match the filters in all.</summary>
public sealed record InboxResult(ImmutableArray<InboxItem> Items, Rejection? Rejection) : IRefusable<InboxResult>
{
    public static InboxResult Refused(Rejection rejection) => new([], rejection);

    public int Total { get; init; }
}

/// <summary>
/// A unit's open tasks, soonest due first (tasks without a due time last), for people of that unit or above.
/// </summary>
public sealed record GetInbox(string Unit) : IQuery<InboxResult>
{
    /// <summary>Only tasks of this procedure code.</summary>
    public string? Procedure { get; init; }

    /// <summary><c>overdue</c> (past due now) or <c>not-overdue</c>; anything else lists all.</summary>
    public string? Status { get; init; }

    /// <summary>Part of a dossier code.</summary>
    public string? Text { get; init; }

    public int Skip { get; init; }
    public int Limit { get; init; } = 200;
}

internal sealed class GetInboxHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors, TimeProvider time)
    : IQueryHandler<GetInbox, InboxResult>
{
    public async ValueTask<InboxResult> Handle(GetInbox query, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        if (!actor.Memberships.Any(m => m.Role == Roles.Admin || units.IsAtOrAbove(m.Unit, query.Unit)))
        {
            return InboxResult.Refused(
                Rejection.Of(RejectionCodes.Forbidden, "inbox").With("unit", CaseAccess.Quote(query.Unit)));
        }

        var now = time.GetUtcNow();
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Unit == query.Unit && t.Status == TaskStatus.Open);
        tasks = query.Status switch
        {
            "overdue" => tasks.Where(t => t.Due != null && t.Due < now),
            "not-overdue" => tasks.Where(t => t.Due == null || t.Due >= now),
            _ => tasks,
        };
        var open = tasks.Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => new
        {
            t.CaseId, c.DossierCode, c.ProcedureCode, c.ProcedureVersion, t.TaskId, t.Step, t.Role, t.ActivatedAt,
            t.Due, c.Appointment,
        });
        var filtered = !string.IsNullOrWhiteSpace(query.Procedure) || !string.IsNullOrWhiteSpace(query.Text);
        if (!string.IsNullOrWhiteSpace(query.Procedure))
        {
            open = open.Where(t => t.ProcedureCode == query.Procedure);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToUpperInvariant();
            open = open.Where(t => t.DossierCode.Contains(text));
        }

        // Every task has its case, so without a filter on the case the count reads the task index alone.
        var total = filtered ? await open.CountAsync(cancellationToken) : await tasks.CountAsync(cancellationToken);

        // Soonest due first, tasks without a due time last. Two ordered reads instead of one ORDER BY (due IS NULL), so
        // each walks the (unit, status, due) index and stops at the page instead of sorting every open task.
        var skip = Math.Max(0, query.Skip);
        var limit = Math.Clamp(query.Limit, 0, 1000);
        var rows = await open.Where(t => t.Due != null).OrderBy(t => t.Due).ThenBy(t => t.ActivatedAt)
            .Skip(skip).Take(limit).ToListAsync(cancellationToken);
        if (rows.Count < limit)
        {
            var dated = rows.Count > 0 || skip == 0
                ? skip + rows.Count
                : await open.CountAsync(t => t.Due != null, cancellationToken);
            rows.AddRange(await open.Where(t => t.Due == null).OrderBy(t => t.ActivatedAt)
                .Skip(Math.Max(0, skip - dated)).Take(limit - rows.Count).ToListAsync(cancellationToken));
        }

        var applicants = await ApplicantsAsync([.. rows.Select(r => r.CaseId).Distinct()], cancellationToken);
        var items = ImmutableArray.CreateBuilder<InboxItem>(rows.Count);
        foreach (var row in rows)
        {
            var version = await catalog.VersionOfAsync(db, row.ProcedureCode, row.ProcedureVersion, cancellationToken);
            var calendar = version.Calendar;
            items.Add(new InboxItem(row.CaseId, row.DossierCode, row.ProcedureCode, row.TaskId, row.Step, row.Role,
                calendar.ToLocal(row.ActivatedAt), row.Due is { } due ? calendar.ToLocal(due) : null,
                row.Due is { } d
                    ? Names.Kebab(Deadlines.StatusOf(calendar, d, now, version.Procedure.DueSoon).ToString())
                    : null,
                row.Appointment is { } a ? calendar.ToLocal(a) : null)
            {
                ProcedureTitle = version.Procedure.Title,
                StepTitle = version.Procedure.Steps.FirstOrDefault(s => s.Id.Value == row.Step)?.Title,
                Applicant = applicants.GetValueOrDefault(row.CaseId),
            });
        }

        return new InboxResult(items.ToImmutable(), null) { Total = total };
    }

    /// <summary>The applicant of each case on the page, from its first event: one read for the page.</summary>
    private async Task<Dictionary<string, string>> ApplicantsAsync(
        List<string> caseIds, CancellationToken cancellationToken)
    {
        var first = await db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Sequence == 1)
            .Select(e => new { e.CaseId, e.Type, e.Payload }).ToListAsync(cancellationToken);
        return first
            .Select(e => (e.CaseId, Event: EventSerializer.Deserialize(e.Type, e.Payload) as CaseReceived))
            .Where(e => e.Event?.Fields.GetValueOrDefault("applicant_name") is { Length: > 0 })
            .ToDictionary(e => e.CaseId, e => e.Event!.Fields["applicant_name"], StringComparer.Ordinal);
    }
}
