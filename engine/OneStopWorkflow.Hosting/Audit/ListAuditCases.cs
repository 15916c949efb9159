using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The cases behind a figure (an <see cref="AuditFigure"/>), a page at a time, oldest receipt first. For auditors,
/// leaders and admins of the unit or above.
/// </summary>
public sealed record ListAuditCases(AuditFilter Filter, string Figure) : IQuery<AuditCaseList>
{
    public int Skip { get; init; }
    public int Take { get; init; } = 100;

    /// <summary>
    /// Count all the matching cases (<see cref="AuditCaseList.Total"/>); off when only checking access.
    /// </summary>
    public bool CountTotal { get; init; } = true;
}

/// <summary>A page of the cases behind a figure and how many there are in all (-1 when not counted).</summary>
public sealed record AuditCaseList(ImmutableArray<AuditCase> Cases, int Total, Rejection? Rejection)
    : IRefusable<AuditCaseList>
{
    public static AuditCaseList Refused(Rejection rejection) => new([], 0, rejection);
}

internal sealed class ListAuditCasesHandler(AuditScope scope, ProcedureCatalog catalog, TimeProvider time)
    : IQueryHandler<ListAuditCases, AuditCaseList>
{
    public async ValueTask<AuditCaseList> Handle(ListAuditCases query, CancellationToken cancellationToken)
    {
        var (cases, _, refused) = await scope.CasesAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            return AuditCaseList.Refused(refused);
        }

        cases = FigureCases.Of(cases, query.Figure, time.GetUtcNow());
        var total = query.CountTotal ? await cases.CountAsync(cancellationToken) : -1;

        var page = FigureCases.InListOrder(cases).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 1000));
        var rows = await FigureCases.Listed(page).ToListAsync(cancellationToken);
        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit);
        return new AuditCaseList([.. rows.Select(r => r.ToCase(calendar))], total, null);
    }
}
