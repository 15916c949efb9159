using System.Collections.Immutable;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// The names people read for the codes screens select by: every unit, role and procedure. Any signed-in user may
/// ask; a selector shows <see cref="CodeNames.Unit"/>, never the code.
/// </summary>
public sealed record GetNames : IQuery<CodeNames>;

/// <summary>Units, roles and procedures by code, in both languages.</summary>
public sealed record CodeNames(
    ImmutableDictionary<string, LocalizedText> Units, ImmutableDictionary<string, LocalizedText> Roles,
    ImmutableDictionary<string, LocalizedText> Procedures, Rejection? Rejection) : IRefusable<CodeNames>
{
    /// <summary>Step titles by "procedure/step", from the newest published version that has the step.</summary>
    public ImmutableDictionary<string, LocalizedText> Steps { get; init; } =
        ImmutableDictionary<string, LocalizedText>.Empty;

    public static CodeNames Refused(Rejection rejection) => new(
        ImmutableDictionary<string, LocalizedText>.Empty, ImmutableDictionary<string, LocalizedText>.Empty,
        ImmutableDictionary<string, LocalizedText>.Empty, rejection);

    public LocalizedText Step(string procedure, string step) =>
        Steps.TryGetValue($"{procedure}/{step}", out var title) ? title : new(step, step);

    public LocalizedText Unit(string code) => Units.TryGetValue(code, out var name) ? name : new(code, code);

    public LocalizedText Role(string code) => Roles.TryGetValue(code, out var title) ? title : new(code, code);

    public LocalizedText Procedure(string code) =>
        Procedures.TryGetValue(code, out var title) ? title : new(code, code);
}

internal sealed class GetNamesHandler(OneStopDbContext db, ProcedureCatalog catalog)
    : IQueryHandler<GetNames, CodeNames>
{
    public async ValueTask<CodeNames> Handle(GetNames query, CancellationToken cancellationToken)
    {
        var context = await catalog.ContextAsync(cancellationToken);
        // The newest published version of each procedure names it; one never published is named by its row.
        var rows = await db.ProcedureVersions.AsNoTracking().OrderBy(v => v.Code).ThenByDescending(v => v.Version)
            .Select(v => new { v.Code, v.Version, v.Status, v.Title })
            .ToListAsync(cancellationToken);
        var procedures = ImmutableDictionary.CreateBuilder<string, LocalizedText>(StringComparer.Ordinal);
        var steps = ImmutableDictionary.CreateBuilder<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var versions in rows.GroupBy(r => r.Code))
        {
            procedures[versions.Key] = new LocalizedText(versions.First().Title, versions.First().Title);
            foreach (var published in versions.Where(v => v.Status != ProcedureVersionStatus.Draft).Reverse())
            {
                if (await ProcedureCatalog.FindAsync(db, versions.Key, published.Version, cancellationToken)
                    is not { } row)
                {
                    continue;
                }

                var procedure = (await catalog.LoadAsync(row, cancellationToken)).Procedure;
                procedures[versions.Key] = procedure.Title;
                foreach (var step in procedure.Steps)
                {
                    steps[$"{versions.Key}/{step.Id.Value}"] = step.Title;
                }
            }
        }

        return new CodeNames(
            context.Units.Units.ToImmutableDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal),
            Engine.Units.Roles.ApplicationTitles.ToImmutableDictionary(StringComparer.Ordinal)
                .SetItems(context.Units.Roles.Select(r => KeyValuePair.Create(r.Key, r.Value.Title))),
            procedures.ToImmutable(), null)
        {
            Steps = steps.ToImmutable(),
        };
    }
}
