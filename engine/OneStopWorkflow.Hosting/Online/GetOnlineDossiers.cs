using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;
using OneStopWorkflow.Persistence.Trail;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>
/// An online dossier not yet accepted at a unit: waiting for a clerk (new, or supplemented by the citizen) or for
/// the citizen's supplement.
/// </summary>
public sealed record OnlineDossier(
    string CaseId, string DossierCode, LocalizedText Procedure, string Applicant, DateTimeOffset SubmittedAt,
    DateTimeOffset WaitingSince, LocalizedText Step, bool AwaitsApplicant, bool Supplemented, int Scans);

public sealed record OnlineDossiers(ImmutableArray<OnlineDossier> Items, Rejection? Rejection)
    : IRefusable<OnlineDossiers>
{
    public static OnlineDossiers Refused(Rejection rejection) => new([], rejection);
}

/// <summary>
/// The online dossiers of a unit that no clerk has accepted yet, oldest submission first, for the unit's people and
/// those above it.
/// </summary>
public sealed record GetOnlineDossiers(string Unit) : IQuery<OnlineDossiers>
{
    public int Limit { get; init; } = 200;
}

internal sealed class GetOnlineDossiersHandler(
    OneStopDbContext db, ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetOnlineDossiers, OnlineDossiers>
{
    public async ValueTask<OnlineDossiers> Handle(GetOnlineDossiers query, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        var units = (await catalog.ContextAsync(cancellationToken)).Units;
        if (!actor.Memberships.Any(m => m.Role == Roles.Admin || units.IsAtOrAbove(m.Unit, query.Unit)))
        {
            return OnlineDossiers.Refused(
                Rejection.Of(RejectionCodes.Forbidden, "inbox").With("unit", CaseAccess.Quote(query.Unit)));
        }

        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ReceivingUnit == query.Unit && c.Channel == CaseChannel.Online
                && c.Appointment == null && c.FinishedAt == null)
            .Join(db.Tasks.Where(t => t.Status == TaskStatus.Open), c => c.Id, t => t.CaseId, (c, t) => new
            {
                c.Id, c.DossierCode, c.ProcedureCode, c.ProcedureVersion, c.ReceivedAt, t.Step, t.ActivatedAt,
            })
            .OrderBy(r => r.ReceivedAt).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var scans = await db.Scans.AsNoTracking().Where(s => ids.Contains(s.CaseId)).GroupBy(s => s.CaseId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var first = await db.Events.AsNoTracking().Where(e => ids.Contains(e.CaseId) && e.Sequence == 1)
            .Select(e => new { e.CaseId, e.Type, e.Payload }).ToListAsync(cancellationToken);
        var applicants = first.ToDictionary(e => e.CaseId,
            e => (EventSerializer.Deserialize(e.Type, e.Payload) as CaseReceived)?.Fields
                .GetValueOrDefault("applicant_name") ?? "", StringComparer.Ordinal);
        var items = ImmutableArray.CreateBuilder<OnlineDossier>(rows.Count);
        foreach (var row in rows)
        {
            var version = await catalog.VersionOfAsync(db, row.ProcedureCode, row.ProcedureVersion, cancellationToken);
            var step = version.Procedure.Steps.FirstOrDefault(s => s.Id.Value == row.Step);
            var calendar = version.Calendar;
            items.Add(new OnlineDossier(row.Id, row.DossierCode, version.Procedure.Title,
                applicants.GetValueOrDefault(row.Id, ""), calendar.ToLocal(row.ReceivedAt),
                calendar.ToLocal(row.ActivatedAt), step?.Title ?? new LocalizedText(row.Step, row.Step),
                step?.Awaits == WaitParty.Applicant, row.ActivatedAt > row.ReceivedAt,
                scans.GetValueOrDefault(row.Id)));
        }

        return new OnlineDossiers(items.ToImmutable(), null);
    }
}
