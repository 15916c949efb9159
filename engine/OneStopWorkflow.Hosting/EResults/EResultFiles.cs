using Microsoft.Extensions.Logging;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Files;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// Reads the e-result a case's trail filed: the file it names, served only while its bytes still match the length
/// and SHA-256 the trail recorded (a changed file is refused and logged, never handed out).
/// </summary>
internal sealed partial class EResultFiles(OneStopDbContext db, ILogger<EResultFiles> logger)
{
    public async Task<EResultFile> ReadAsync(StoredCase stored, CancellationToken cancellationToken)
    {
        var issued = stored.Events.OfType<EResultIssued>().LastOrDefault();
        if (issued is null)
        {
            return EResultFile.Refused(
                Rejection.Of(RejectionCodes.NoEResult).With("dossier", stored.State.DossierCode));
        }

        var file = await StoredFiles.FindAsync(db, issued.File, cancellationToken);
        if (file is null || file.Content.LongLength != issued.Length
            || StoredFiles.Sha256Of(file.Content) != issued.Sha256)
        {
            LogMismatch(stored.Row.Id, stored.State.DossierCode, issued.File);
            return EResultFile.Refused(
                Rejection.Of(RejectionCodes.NoEResult, "file").With("dossier", stored.State.DossierCode));
        }

        return new EResultFile(file.FileName, file.MediaType, file.Content, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-result file {File} of case {CaseId} ({DossierCode}) is "
        + "missing or does not match its trail; it was not served. Run audit verify.")]
    private partial void LogMismatch(string caseId, string dossierCode, string file);
}
