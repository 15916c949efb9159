using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Every case behind a figure, in the list's order, read in one pass: an export of a province-year sorts once
/// instead of once per page. Ask <see cref="ListAuditCases"/> first; this one throws when access is refused.
/// </summary>
public sealed record StreamAuditCases(AuditFilter Filter, string Figure) : IStreamQuery<AuditCase>;

internal sealed class StreamAuditCasesHandler(AuditScope scope, ProcedureCatalog catalog, TimeProvider time)
    : IStreamQueryHandler<StreamAuditCases, AuditCase>
{
    public async IAsyncEnumerable<AuditCase> Handle(
        StreamAuditCases query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (cases, _, refused) = await scope.CasesAsync(query.Filter, cancellationToken);
        if (refused is not null)
        {
            throw new UnauthorizedAccessException(refused.Message);
        }

        var calendar = (await catalog.ContextAsync(cancellationToken)).CalendarOf(query.Filter.Unit);
        var rows = FigureCases.Listed(FigureCases.InListOrder(FigureCases.Of(cases, query.Figure, time.GetUtcNow())));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row.ToCase(calendar);
        }
    }
}
