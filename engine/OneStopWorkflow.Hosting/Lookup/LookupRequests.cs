using OneStopWorkflow.Engine.Refusals;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>What a citizen sees of their dossier: no names, no internal notes.</summary>
public sealed record LookupView(
    string DossierCode, string Procedure, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? Appointment,
    DateTimeOffset? FinishedAt, string? Outcome, ImmutableArray<string> StepsDone, string CollectAt, bool CanRate, int? Rating);

public sealed record LookupResult(LookupView? Case, Rejection? Rejection);

/// <summary>The public lookup: dossier code and the secret printed on the receipt. No sign-in.</summary>
public sealed record LookupCase(string DossierCode, string Secret) : IQuery<LookupResult>, IPublicRequest;

/// <summary>A citizen rates a finished case once, 1 to 5, with an optional comment.</summary>
public sealed record RateCase(string DossierCode, string Secret, int Score, string? Comment) : ICommand<LookupResult>, IPublicRequest;

internal sealed class LookupHandlers(OneStopDbContext db, ProcedureCatalog catalog, TimeProvider time)
    : IQueryHandler<LookupCase, LookupResult>, ICommandHandler<RateCase, LookupResult>
{
    /// <summary>One answer for an unknown code and a wrong secret, so the lookup never tells which codes exist.</summary>
    public static readonly Rejection NoMatch = Rejection.Of(RejectionCodes.NoMatch);

    public async ValueTask<LookupResult> Handle(LookupCase query, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(query.DossierCode, query.Secret, cancellationToken);
        return stored is null ? new LookupResult(null, NoMatch) : new LookupResult(await ViewAsync(stored, cancellationToken), null);
    }

    public async ValueTask<LookupResult> Handle(RateCase command, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(command.DossierCode, command.Secret, cancellationToken);
        if (stored is null)
        {
            return new LookupResult(null, NoMatch);
        }

        if (!stored.State.IsFinished)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.NotFinished));
        }

        if (command.Score is < 1 or > 5 || command.Comment?.Length > 1000)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.BadRating).On("score"));
        }

        if (await db.Ratings.AnyAsync(r => r.CaseId == stored.Row.Id, cancellationToken))
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.AlreadyRated));
        }

        // The rating and its count in the day figures are saved together or not at all.
        db.Ratings.Add(new RatingRow { CaseId = stored.Row.Id, Score = command.Score, Comment = command.Comment, RatedAt = time.GetUtcNow() });
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return new LookupResult(null, Rejection.Of(RejectionCodes.AlreadyRated));
            }

            await DayFigures.RatedAsync(db, stored.Row, command.Score, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new LookupResult(await ViewAsync(stored, cancellationToken), null);
    }

    private async Task<StoredCase?> FindAsync(string code, string secret, CancellationToken cancellationToken)
    {
        var stored = await new CaseStore(db).FindByDossierCodeAsync(code.Trim(), cancellationToken);
        var expected = Encoding.UTF8.GetBytes(stored?.Row.Secret ?? "-");
        var given = Encoding.UTF8.GetBytes(secret.Trim().ToLowerInvariant());
        return stored is not null && CryptographicOperations.FixedTimeEquals(expected, given) ? stored : null;
    }

    private async Task<LookupView> ViewAsync(StoredCase stored, CancellationToken cancellationToken)
    {
        var version = await catalog.VersionOfAsync(db, stored.Row, cancellationToken);
        var view = CaseView.Of(stored.State, version, time.GetUtcNow());
        var rating = await db.Ratings.Where(r => r.CaseId == stored.Row.Id).Select(r => (int?)r.Score).FirstOrDefaultAsync(cancellationToken);
        var steps = stored.State.Tasks.Where(t => t.CompletedAt is not null && !t.Cancelled)
            .Select(t => version.Procedure.Step(t.Step).Title.Vi).ToImmutableArray();
        return new LookupView(view.DossierCode, view.ProcedureTitle, view.Status, view.ReceivedAt, view.PromisedAppointment ?? view.Appointment,
            view.FinishedAt, view.Outcome, steps, version.Units.Find(stored.State.ReceivingUnit)?.Name.Vi ?? stored.State.ReceivingUnit,
            stored.State.IsFinished && rating is null, rating);
    }
}
