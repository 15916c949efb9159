using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Recounts the per-day compliance figures from the stored cases, tasks, escalations and ratings, after a bulk load
/// or a repair (admins). Refused with <see cref="NotMigrated"/> when the database is behind this version's schema.
/// </summary>
public sealed record RebuildFigures : ICommand<RebuildFiguresResult>
{
    public const string NotMigrated = "not-migrated";
}

/// <summary>How many cases went into how many unit-day figure rows.</summary>
public sealed record RebuildFiguresResult(int Cases, int Days, Rejection? Rejection) : IRefusable<RebuildFiguresResult>
{
    public static RebuildFiguresResult Refused(Rejection rejection) => new(0, 0, rejection);
}

internal sealed class RebuildFiguresHandler(OneStopDbContext db, ActorAccessor actors)
    : ICommandHandler<RebuildFigures, RebuildFiguresResult>
{
    public async ValueTask<RebuildFiguresResult> Handle(RebuildFigures command, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(db, actors, cancellationToken) is { } refused)
        {
            return RebuildFiguresResult.Refused(refused);
        }

        await DayFigures.RebuildAsync(db, cancellationToken);
        var days = await db.CaseFigures.CountAsync(cancellationToken);
        var cases = await db.CaseFigures.SumAsync(f => f.Received, cancellationToken);
        return new RebuildFiguresResult(cases, days, null);
    }

    /// <summary>
    /// Why the figures may not be recounted or checked now: only an admin may, on a store that is migrated.
    /// </summary>
    internal static async Task<Rejection?> RefusalAsync(
        OneStopDbContext db, ActorAccessor actors, CancellationToken cancellationToken) =>
        !actors.Actor!.Memberships.Any(m => m.Role == Roles.Admin)
            ? Rejection.Of(RejectionCodes.Forbidden, "figures")
            : (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? Rejection.Of(RebuildFigures.NotMigrated)
                : null;
}
