using System.Collections.Immutable;
using Mediator;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Runs a scenario typed into the designer on a draft definition in the simulator, storing nothing
/// (policy staff and admins).
/// </summary>
public sealed record RunDraftScenario(ProcedureDefinition Procedure, string ScenarioJson) : IQuery<DraftScenarioRun>;

/// <summary>
/// The simulator's report (JSON) and the run told as a timeline, or neither and the diagnostics of the scenario text
/// (located in <c>scenario.json</c>).
/// </summary>
public sealed record DraftScenarioRun(string? Report, ImmutableArray<Diagnostic> Diagnostics, Rejection? Rejection)
    : IRefusable<DraftScenarioRun>
{
    public TrialRun? Trial { get; init; }

    public static DraftScenarioRun Refused(Rejection rejection) => new(null, [], rejection);
}

internal sealed class RunDraftScenarioHandler(
    ProcedureCatalog catalog, ActorAccessor actors, IOptions<OneStopOptions> options)
    : IQueryHandler<RunDraftScenario, DraftScenarioRun>
{
    public async ValueTask<DraftScenarioRun> Handle(RunDraftScenario query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return DraftScenarioRun.Refused(VersionAccess.Forbidden);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var (report, trial, diagnostics) = DraftTrial.Run(
            query.Procedure, context, query.ScenarioJson, PublicLookup.PageOf(options.Value));
        return new DraftScenarioRun(report, diagnostics, null) { Trial = trial };
    }
}
