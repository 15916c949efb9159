using Mediator;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>The actions the caller may take on a case now: the UI offers exactly these.</summary>
public sealed record GetAvailableActions(string CaseId) : IQuery<CaseDetailsResult>;

internal sealed class GetAvailableActionsHandler(CaseDetailsReader reader)
    : IQueryHandler<GetAvailableActions, CaseDetailsResult>
{
    public ValueTask<CaseDetailsResult> Handle(GetAvailableActions query, CancellationToken cancellationToken) =>
        new(reader.ReadAsync(query.CaseId, CaseDetailsDepth.ActionsOnly, cancellationToken));
}
