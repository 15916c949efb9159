using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Saves designer work as a draft version (policy staff and admins).</summary>
public sealed record SaveProcedureDraft(
    string Code, int Version, string Json, ImmutableDictionary<string, string> Files)
    : ICommand<PublishOutcome>;

internal sealed class SaveProcedureDraftHandler(VersionPublisher publisher, ActorAccessor actors)
    : ICommandHandler<SaveProcedureDraft, PublishOutcome>
{
    public async ValueTask<PublishOutcome> Handle(SaveProcedureDraft command, CancellationToken cancellationToken)
    {
        var actor = actors.Actor!;
        if (!VersionAccess.MayDesign(actor))
        {
            return PublishOutcome.Refused(VersionAccess.Forbidden);
        }

        var path = $"{command.Code}/v{command.Version}/procedure.json";
        return await publisher.SaveDraftAsync(command.Code, command.Version,
            new ProcedureSource(path, command.Json, command.Files), actor.User, cancellationToken);
    }
}
