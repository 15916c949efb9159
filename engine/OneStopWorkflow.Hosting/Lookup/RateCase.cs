using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>A citizen rates a finished case once, 1 to 5, with an optional comment.</summary>
public sealed record RateCase(string DossierCode, string Secret, int Score, string? Comment)
    : ICommand<LookupResult>, IPublicRequest;

internal sealed class RateCaseHandler(OneStopDbContext db, DossierLookup lookup, TimeProvider time)
    : ICommandHandler<RateCase, LookupResult>
{
    private const int MaxCommentLength = 1000;

    public async ValueTask<LookupResult> Handle(RateCase command, CancellationToken cancellationToken)
    {
        var stored = await lookup.FindAsync(command.DossierCode, command.Secret, cancellationToken);
        if (stored is null)
        {
            return new LookupResult(null, DossierLookup.NoMatch);
        }

        if (!stored.State.IsFinished)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.NotFinished));
        }

        if (command.Score is < 1 or > 5 || command.Comment?.Length > MaxCommentLength)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.BadRating).On("score"));
        }

        if (await db.Ratings.AnyAsync(r => r.CaseId == stored.Row.Id, cancellationToken))
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.AlreadyRated));
        }

        // The rating and its count in the day figures are saved together or not at all.
        db.Ratings.Add(new RatingRow
        {
            CaseId = stored.Row.Id, Score = command.Score, Comment = command.Comment, RatedAt = time.GetUtcNow(),
        });
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

        return new LookupResult(await lookup.ViewAsync(stored, cancellationToken), null);
    }
}
