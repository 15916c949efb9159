using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Online;

/// <summary>
/// A citizen submits a dossier online, signed out: the procedure's fields, a scan per component, the unit to
/// submit to and where to collect the result. <see cref="Client"/> is the address the submissions are counted by.
/// </summary>
public sealed record SubmitOnline(string Procedure, string Unit) : ICommand<OnlineSubmission>, IPublicRequest
{
    public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableArray<UploadedScan> Scans { get; init; } = [];
    public string Delivery { get; init; } = ResultDelivery.Counter;
    public string? Client { get; init; }
}

/// <summary>
/// The submission's code and secret (the citizen looks the dossier up and adds supplements with them), or why it
/// was refused: nothing is kept of a refused submission.
/// </summary>
public sealed record OnlineSubmission(
    string? CaseId, string? DossierCode, string? Secret, ImmutableArray<Rejection> Rejections)
    : IRefusable<OnlineSubmission>
{
    public bool IsRejected => !Rejections.IsEmpty;

    /// <summary>The case as it stands after the command, for the page that confirms it.</summary>
    public CaseView? Case { get; init; }

    /// <summary>How long to wait before sending again, when the address sent too many.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static OnlineSubmission Refused(Rejection rejection) => new(null, null, null, [rejection]);

    public static OnlineSubmission Refused(ImmutableArray<Rejection> rejections) => new(null, null, null, rejections);

    public static OnlineSubmission Limited(TimeSpan wait) => Refused(
            Rejection.Of(RejectionCodes.SubmissionLimited).With("seconds", (long)Math.Ceiling(wait.TotalSeconds)))
        with { RetryAfter = wait };
}

internal sealed class SubmitOnlineHandler(
    OneStopDbContext db, ProcedureCatalog catalog, CasePipeline pipeline, ScanIntake scans,
    SubmissionLimiter limiter, TimeProvider time) : ICommandHandler<SubmitOnline, OnlineSubmission>
{
    public async ValueTask<OnlineSubmission> Handle(SubmitOnline command, CancellationToken cancellationToken)
    {
        if (limiter.TryAcquire(command.Client) is { } wait)
        {
            return OnlineSubmission.Limited(wait);
        }

        var row = await ProcedureCatalog.PublishedAsync(db, command.Procedure, null, cancellationToken);
        if (row is null)
        {
            return OnlineSubmission.Refused(Rejection.Of(RejectionCodes.ProcedureUnknown).On("procedure")
                .With("procedure", CaseAccess.Quote(command.Procedure)));
        }

        var procedure = (await catalog.LoadAsync(row, cancellationToken)).Procedure!;
        if (procedure.Online is null)
        {
            return OnlineSubmission.Refused(Rejection.Of(RejectionCodes.NotOnline).With("procedure", procedure.Title));
        }

        var problems = scans.Check(procedure, command.Scans);
        if (!problems.IsEmpty)
        {
            return OnlineSubmission.Refused(problems);
        }

        var id = new CaseId(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"));
        var papers = await scans.StoreAsync(procedure, id.Value, command.Scans, cancellationToken);
        var applicant = command.Fields.GetValueOrDefault("applicant_name")?.Trim() ?? "";
        var submit = new SubmitOnlineCommand(id, command.Unit, applicant)
        {
            Fields = command.Fields, Components = papers, Delivery = command.Delivery,
        };
        var (result, secret) = await pipeline.SubmitOnlineAsync(id, command.Procedure, command.Unit, submit,
            cancellationToken);
        if (result.IsRejected)
        {
            await scans.ForgetAsync(papers, cancellationToken);
            return OnlineSubmission.Refused(result.Rejections);
        }

        return new OnlineSubmission(id.Value, result.Case!.DossierCode, secret, []) { Case = result.Case };
    }
}
