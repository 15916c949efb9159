using Mediator;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>
/// The public lookup: dossier code and the secret printed on the receipt. No sign-in. <see cref="Client"/> is the
/// address the request came from (the API's connection, the page's circuit), which the lookup limit counts by.
/// </summary>
public sealed record LookupCase(string DossierCode, string Secret) : IQuery<LookupResult>, IPublicRequest
{
    public string? Client { get; init; }
}

internal sealed class LookupCaseHandler(DossierLookup lookup) : IQueryHandler<LookupCase, LookupResult>
{
    public async ValueTask<LookupResult> Handle(LookupCase query, CancellationToken cancellationToken)
    {
        var (stored, refused) =
            await lookup.FindAsync(query.DossierCode, query.Secret, query.Client, cancellationToken);
        return stored is null
            ? new LookupResult(null, refused)
            : new LookupResult(await lookup.ViewAsync(stored, cancellationToken), null);
    }
}
