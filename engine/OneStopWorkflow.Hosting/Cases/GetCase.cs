using Mediator;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A case by id or by dossier code, with its trail and documents, for anyone whose units handled it.</summary>
public sealed record GetCase(string CaseIdOrDossierCode) : IQuery<CaseDetailsResult>;

internal sealed class GetCaseHandler(CaseDetailsReader reader) : IQueryHandler<GetCase, CaseDetailsResult>
{
    public ValueTask<CaseDetailsResult> Handle(GetCase query, CancellationToken cancellationToken) =>
        new(reader.ReadAsync(query.CaseIdOrDossierCode, CaseDetailsDepth.WithTrailAndDocuments, cancellationToken));
}
