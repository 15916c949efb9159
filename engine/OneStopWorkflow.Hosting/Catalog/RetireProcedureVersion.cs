using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Retires a published version: new cases no longer start on it; running cases keep it.</summary>
public sealed record RetireProcedureVersion(string Code, int Version) : ICommand<PublishOutcome>;

internal sealed class RetireProcedureVersionHandler(OneStopDbContext db, ActorAccessor actors)
    : ICommandHandler<RetireProcedureVersion, PublishOutcome>
{
    public async ValueTask<PublishOutcome> Handle(RetireProcedureVersion command, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return PublishOutcome.Refused(VersionAccess.Forbidden);
        }

        var path = $"{command.Code}/v{command.Version}/procedure.json";
        var row = await db.ProcedureVersions
            .FirstOrDefaultAsync(v => v.Code == command.Code && v.Version == command.Version, cancellationToken);
        if (row is not { Status: ProcedureVersionStatus.Published })
        {
            return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Refused, [],
                $"refused: {command.Code} v{command.Version} is not a published version.");
        }

        row.Status = ProcedureVersionStatus.Retired;
        await db.SaveChangesAsync(cancellationToken);
        return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Unchanged, [],
            $"{command.Code} v{command.Version} retired: new cases no longer start on it; running cases keep it.");
    }
}
