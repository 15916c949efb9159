using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>
/// The citizen adds what a supplement request asked for, online: the scans of the components named, and fields
/// corrected, proving who they are with the dossier's code and secret (counted by the lookup limit).
/// </summary>
public sealed record SupplementOnline(string DossierCode, string Secret) : ICommand<CaseResult>, IPublicRequest
{
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableArray<UploadedScan> Scans { get; init; } = [];
    public string? Client { get; init; }
}

internal sealed class SupplementOnlineHandler(
    OneStopDbContext db, ProcedureCatalog catalog, DossierLookup lookup, CasePipeline pipeline, ScanIntake scans,
    SubmissionLimiter limiter) : ICommandHandler<SupplementOnline, CaseResult>
{
    public async ValueTask<CaseResult> Handle(SupplementOnline command, CancellationToken cancellationToken)
    {
        if (limiter.TryAcquire(command.Client) is { } wait)
        {
            return new CaseResult(null, OnlineSubmission.Limited(wait).Rejections);
        }

        var (stored, refused) =
            await lookup.FindAsync(command.DossierCode, command.Secret, command.Client, cancellationToken);
        if (stored is null)
        {
            return CaseResult.Refused(refused!);
        }

        var procedure = (await catalog.VersionOfAsync(db, stored.Row, cancellationToken)).Procedure;
        var problems = scans.Check(procedure, command.Scans);
        if (!problems.IsEmpty)
        {
            return new CaseResult(null, problems);
        }

        var papers = await scans.StoreAsync(procedure, stored.Row.Id, command.Scans, cancellationToken);
        var applicant = stored.State.Fields.GetValueOrDefault("applicant_name") ?? "";
        var result = await pipeline.ResubmitAsApplicantAsync(stored.Row.Id,
            new ResubmitCommand(Actor.Applicant(applicant)) { Components = papers, Fields = command.Fields },
            cancellationToken);
        if (result.IsRejected)
        {
            await scans.ForgetAsync(papers, cancellationToken);
        }

        return result;
    }
}
