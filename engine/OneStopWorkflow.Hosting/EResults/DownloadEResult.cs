using Mediator;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// The citizen downloads the electronic result with the dossier code and the secret on the receipt: the lookup's
/// check and limit (a wrong secret looks exactly like an unknown code). <see cref="Client"/> is the caller's address.
/// </summary>
public sealed record DownloadEResult(string DossierCode, string Secret) : IQuery<EResultFile>, IPublicRequest
{
    public string? Client { get; init; }
}

internal sealed class DownloadEResultHandler(DossierLookup lookup, EResultFiles files)
    : IQueryHandler<DownloadEResult, EResultFile>
{
    public async ValueTask<EResultFile> Handle(DownloadEResult query, CancellationToken cancellationToken)
    {
        var (stored, refused) =
            await lookup.FindAsync(query.DossierCode, query.Secret, query.Client, cancellationToken);
        return stored is null
            ? EResultFile.Refused(refused ?? DossierLookup.NoMatch)
            : await files.ReadAsync(stored, cancellationToken);
    }
}
