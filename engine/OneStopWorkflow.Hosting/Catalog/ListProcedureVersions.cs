using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>A procedure version as listed to users.</summary>
public sealed record ProcedureVersionSummary(
    string Code, int Version, string Title, string Status, string Sha256, DateTimeOffset? PublishedAt,
    string? PublishedBy)
{
    /// <summary>
    /// The publisher's full name; null when the version was published by the catalog import at start-up rather
    /// than by a person.
    /// </summary>
    public string? PublishedByName { get; init; }
}

/// <summary>Every stored version, newest first per procedure; any signed-in user may list them.</summary>
public sealed record ListProcedureVersions : IQuery<ProcedureVersionList>;

/// <summary>The stored versions, or why the caller may not list them.</summary>
public sealed record ProcedureVersionList(ImmutableArray<ProcedureVersionSummary> Versions, Rejection? Rejection)
    : IRefusable<ProcedureVersionList>
{
    public static ProcedureVersionList Refused(Rejection rejection) => new([], rejection);
}

internal sealed class ListProcedureVersionsHandler(OneStopDbContext db)
    : IQueryHandler<ListProcedureVersions, ProcedureVersionList>
{
    public async ValueTask<ProcedureVersionList> Handle(
        ListProcedureVersions query, CancellationToken cancellationToken)
    {
        var rows = await db.ProcedureVersions.AsNoTracking().OrderBy(v => v.Code).ThenByDescending(v => v.Version)
            .Select(v => new { v.Code, v.Version, v.Title, v.Status, v.Sha256, v.PublishedAt, v.PublishedBy })
            .ToListAsync(cancellationToken);
        var publishers = rows.Select(v => v.PublishedBy).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => publishers.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName,
                cancellationToken);
        return new ProcedureVersionList([.. rows.Select(v => new ProcedureVersionSummary(
            v.Code, v.Version, v.Title, v.Status.ToString().ToLowerInvariant(), v.Sha256, v.PublishedAt,
            v.PublishedBy)
        {
            PublishedByName = v.PublishedBy is { } by ? names.GetValueOrDefault(by) : null,
        })],
            null);
    }
}
