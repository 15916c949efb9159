using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>Finds a dossier by its code and the secret on its receipt, and shows it as the citizen sees it.</summary>
internal sealed class DossierLookup(OneStopDbContext db, ProcedureCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// One answer for an unknown code and a wrong secret, so the lookup never tells which codes exist.
    /// </summary>
    public static readonly Rejection NoMatch = Rejection.Of(RejectionCodes.NoMatch);

    public async Task<StoredCase?> FindAsync(string code, string secret, CancellationToken cancellationToken)
    {
        var stored = await new CaseStore(db).FindByDossierCodeAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        var expected = Encoding.UTF8.GetBytes(stored?.Row.Secret ?? "-");
        var given = Encoding.UTF8.GetBytes(secret.Trim().ToLowerInvariant());
        return stored is not null && CryptographicOperations.FixedTimeEquals(expected, given) ? stored : null;
    }

    public async Task<LookupView> ViewAsync(StoredCase stored, CancellationToken cancellationToken)
    {
        var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        var view = CaseView.Of(stored.State, version, time.GetUtcNow());
        var rating = await db.Ratings.Where(r => r.CaseId == stored.Row.Id).Select(r => (int?)r.Score)
            .FirstOrDefaultAsync(cancellationToken);
        var steps = stored.State.Tasks.Where(t => t.CompletedAt is not null && !t.Cancelled)
            .Select(t => version.Procedure.Step(t.Step).Title.Vi).ToImmutableArray();
        var collectAt = version.Units.Find(stored.State.ReceivingUnit)?.Name.Vi ?? stored.State.ReceivingUnit;
        return new LookupView(view.DossierCode, view.ProcedureTitle, view.Status, view.ReceivedAt,
            view.PromisedAppointment ?? view.Appointment, view.FinishedAt, view.Outcome, steps, collectAt,
            stored.State.IsFinished && rating is null, rating)
        {
            NowAt = [.. stored.State.OpenTasks.Select(t => NowAt(version, t))],
        };
    }

    private static LocalizedText NowAt(LoadedVersion version, TaskState task)
    {
        var step = version.Procedure.Step(task.Step);
        var since = version.Calendar.ToLocal(task.ActivatedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return step.Awaits == WaitParty.Applicant
            ? new($"Đang chờ công dân bổ sung hồ sơ (từ {since})", $"Waiting for your supplement (since {since})")
            : step.Title;
    }
}
