using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Runtime;
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
public sealed record RebuildFiguresResult(int Cases, int Days, Rejection? Rejection);

internal sealed class RebuildFiguresHandler(OneStopDbContext db, ActorAccessor actors)
    : ICommandHandler<RebuildFigures, RebuildFiguresResult>
{
    public async ValueTask<RebuildFiguresResult> Handle(RebuildFigures command, CancellationToken cancellationToken)
    {
        if (actors.Actor is not { Memberships.IsEmpty: false } actor)
        {
            return new RebuildFiguresResult(0, 0, CaseAccess.Anonymous);
        }

        if (!actor.Memberships.Any(m => m.Role == Roles.Admin))
        {
            return new RebuildFiguresResult(0, 0, new Rejection("forbidden", "Recounting the figures is for admins."));
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return new RebuildFiguresResult(0, 0, new Rejection(RebuildFigures.NotMigrated,
                "The database is not migrated to this version; start the app once to migrate it."));
        }

        await DayFigures.RebuildAsync(db, cancellationToken);
        var days = await db.CaseFigures.CountAsync(cancellationToken);
        var cases = await db.CaseFigures.SumAsync(f => f.Received, cancellationToken);
        return new RebuildFiguresResult(cases, days, null);
    }
}
