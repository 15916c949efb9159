using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// Compares the per-day figures kept with every save with a recount from the stored cases, writing nothing
/// (admins). Refused with <see cref="RebuildFigures.NotMigrated"/> when the database is behind this version's schema.
/// </summary>
public sealed record CheckFigures : IQuery<CheckFiguresResult>;

/// <summary>How many figure rows were compared and each one that differs.</summary>
public sealed record CheckFiguresResult(int Rows, IReadOnlyList<string> Differences, Rejection? Rejection)
    : IRefusable<CheckFiguresResult>
{
    public bool IsEqual => Rejection is null && Differences.Count == 0;

    public static CheckFiguresResult Refused(Rejection rejection) => new(0, [], rejection);
}

internal sealed class CheckFiguresHandler(OneStopDbContext db, ActorAccessor actors)
    : IQueryHandler<CheckFigures, CheckFiguresResult>
{
    public async ValueTask<CheckFiguresResult> Handle(CheckFigures query, CancellationToken cancellationToken)
    {
        if (await RebuildFiguresHandler.RefusalAsync(db, actors, cancellationToken) is { } refused)
        {
            return CheckFiguresResult.Refused(refused);
        }

        var result = await FigureCheck.CompareAsync(db, cancellationToken);
        return new CheckFiguresResult(result.Rows, result.Differences, null);
    }
}
