using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// The first sample scenario the catalog folder ships for a procedure, for the designer to start a try from
/// (policy staff and admins).
/// </summary>
public sealed record GetSampleScenario(string Code) : IQuery<SampleScenario>;

/// <summary>The sample's JSON text, empty when the procedure ships none.</summary>
public sealed record SampleScenario(string Json, Rejection? Rejection) : IRefusable<SampleScenario>
{
    public static SampleScenario Refused(Rejection rejection) => new("", rejection);
}

internal sealed class GetSampleScenarioHandler(ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<GetSampleScenario, SampleScenario>
{
    public async ValueTask<SampleScenario> Handle(GetSampleScenario query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return SampleScenario.Refused(VersionAccess.Forbidden);
        }

        return new SampleScenario(
            await DraftTrial.FirstSampleAsync(catalog.Folder.Root, query.Code, cancellationToken), null);
    }
}
