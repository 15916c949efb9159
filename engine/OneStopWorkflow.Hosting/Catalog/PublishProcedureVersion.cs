using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Publishes a draft after the same checks as the catalog import (policy staff and admins).</summary>
public sealed record PublishProcedureVersion(string Code, int Version) : ICommand<PublishOutcome>;

internal sealed class PublishProcedureVersionHandler(
    OneStopDbContext db, VersionPublisher publisher, ActorAccessor actors)
    : ICommandHandler<PublishProcedureVersion, PublishOutcome>
{
    public async ValueTask<PublishOutcome> Handle(PublishProcedureVersion command, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (!VersionAccess.MayDesign(actor))
        {
            return PublishOutcome.Refused(VersionAccess.Forbidden);
        }

        var path = $"{command.Code}/v{command.Version}/procedure.json";
        var row = await ProcedureCatalog.FindAsync(db, command.Code, command.Version, cancellationToken);
        if (row is null || row.Status != ProcedureVersionStatus.Draft)
        {
            return new PublishOutcome(path, command.Code, command.Version, PublishStatus.Refused, [],
                row is null ? $"refused: there is no draft {command.Code} v{command.Version}; save one first."
                    : $"refused: {command.Code} v{command.Version} is already "
                        + $"{row.Status.ToString().ToLowerInvariant()}.");
        }

        return await publisher.PublishAsync(
            new ProcedureSource(path, row.CanonicalJson, VersionContent.Files(row.FilesJson)),
            actor.User, cancellationToken, (command.Code, command.Version));
    }
}
