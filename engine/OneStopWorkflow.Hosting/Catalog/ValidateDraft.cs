using System.Collections.Immutable;
using Mediator;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Checks designer work as publishing will, with the same loader and the same catalog, without saving it
/// (policy staff and admins). Diagnostics are located in <c>code/vN/procedure.json</c>.
/// </summary>
public sealed record ValidateDraft(string Code, int Version, string Json, ImmutableDictionary<string, string> Files)
    : IQuery<DraftValidation>;

/// <summary>
/// What the checks say of a draft: its diagnostics, its definition if it loads, and its path budget; with the
/// unit directory it was checked against, whose roles and units the designer offers to choose from.
/// </summary>
public sealed record DraftValidation(
    ImmutableArray<Diagnostic> Diagnostics, ProcedureDefinition? Procedure, PathBudget? Budget, Rejection? Rejection)
    : IRefusable<DraftValidation>
{
    public UnitDirectory Units { get; init; } = UnitDirectory.Empty;

    public static DraftValidation Refused(Rejection rejection) => new([], null, null, rejection);
}

/// <summary>
/// The step budgets along the longest main path against the statutory deadline, both in working hours of the
/// procedure's calendar.
/// </summary>
public sealed record PathBudget(decimal LongestMainPathHours, decimal StatutoryHours);

internal sealed class ValidateDraftHandler(ProcedureCatalog catalog, ActorAccessor actors)
    : IQueryHandler<ValidateDraft, DraftValidation>
{
    public async ValueTask<DraftValidation> Handle(ValidateDraft query, CancellationToken cancellationToken)
    {
        if (!VersionAccess.MayDesign(actors.Actor!))
        {
            return DraftValidation.Refused(VersionAccess.Forbidden);
        }

        var context = await catalog.ContextAsync(cancellationToken);
        var path = $"{query.Code}/v{query.Version}/procedure.json";
        var loaded = ProcedureLoader.Load(new ProcedureSource(path, query.Json, query.Files), context);
        return new DraftValidation(loaded.Diagnostics, loaded.Procedure, BudgetOf(loaded.Procedure, context), null)
        {
            Units = context.Units,
        };
    }

    private static PathBudget? BudgetOf(ProcedureDefinition? procedure, CatalogContext context) =>
        procedure is not null && context.Calendars.GetValueOrDefault(procedure.Calendar) is { } calendar
            ? new PathBudget(ProcedureGraph.LongestMainPathHours(procedure, calendar.HoursPerDay),
                procedure.StatutoryDeadline.Duration.ToHours(calendar.HoursPerDay))
            : null;
}
