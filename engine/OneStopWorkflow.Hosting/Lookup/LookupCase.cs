using Mediator;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>The public lookup: dossier code and the secret printed on the receipt. No sign-in.</summary>
public sealed record LookupCase(string DossierCode, string Secret) : IQuery<LookupResult>, IPublicRequest;

internal sealed class LookupCaseHandler(DossierLookup lookup) : IQueryHandler<LookupCase, LookupResult>
{
    public async ValueTask<LookupResult> Handle(LookupCase query, CancellationToken cancellationToken)
    {
        var stored = await lookup.FindAsync(query.DossierCode, query.Secret, cancellationToken);
        return stored is null
            ? new LookupResult(null, DossierLookup.NoMatch)
            : new LookupResult(await lookup.ViewAsync(stored, cancellationToken), null);
    }
}
