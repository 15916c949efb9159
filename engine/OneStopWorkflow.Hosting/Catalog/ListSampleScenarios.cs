using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Every sample scenario the catalog folder ships for a procedure, for the designer's try-it to pick from
/// (policy staff and admins).
/// </summary>
public sealed record ListSampleScenarios(string Code) : IQuery<SampleScenarios>;

/// <summary>A sample: its file name without <c>.json</c>, its description as authored, and its text.</summary>
public sealed record NamedScenario(string Name, string Description, string Json);

public sealed record SampleScenarios(ImmutableArray<NamedScenario> Samples, Rejection? Rejection)
    : IRefusable<SampleScenarios>
{
    public static SampleScenarios Refused(Rejection rejection) => new([], rejection);
}

internal sealed class ListSampleScenariosHandler(ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<ListSampleScenarios, SampleScenarios>
{
    public async ValueTask<SampleScenarios> Handle(ListSampleScenarios query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return SampleScenarios.Refused(VersionAccess.Forbidden);
        }

        return new SampleScenarios(
            await DraftTrial.SamplesAsync(catalog.Folder.Root, query.Code, cancellationToken), null);
    }
}
