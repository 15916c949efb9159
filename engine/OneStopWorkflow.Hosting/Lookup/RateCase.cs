using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>
/// A citizen rates a finished case once, 1 to 5, with an optional comment. It proves itself as a lookup does, and is
/// counted against the same limit by <see cref="Client"/>.
/// </summary>
public sealed record RateCase(string DossierCode, string Secret, int Score, string? Comment)
    : ICommand<LookupResult>, IPublicRequest
{
    public string? Client { get; init; }
}

internal sealed class RateCaseHandler(OneStopDbContext db, DossierLookup lookup, TimeProvider time)
    : ICommandHandler<RateCase, LookupResult>
{
    private const int MaxCommentLength = 1000;

    private static readonly LocalizedText Comment = new("Nhận xét", "Comment");

    public async ValueTask<LookupResult> Handle(RateCase command, CancellationToken cancellationToken)
    {
        var (stored, refused) = await lookup.FindAsync(
            command.DossierCode, command.Secret, command.Client, cancellationToken);
        if (stored is null)
        {
            return new LookupResult(null, refused);
        }

        if (!stored.State.IsFinished)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.NotFinished));
        }

        if (command.Score is < 1 or > 5)
        {
            return new LookupResult(null, Rejection.Of(RejectionCodes.BadRating).On("score"));
        }

        if (TextInput.Check(command.Comment, "comment", Comment, MaxCommentLength) is { } badComment)
        {
            return new LookupResult(null, badComment);
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
