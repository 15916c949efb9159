using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// The procedures in force: for each code, the published version new cases start on (the newest), read from the
/// store on every request. Nothing is cached here: the loaded versions are the <see cref="ProcedureCatalog"/>'s,
/// kept by hash (never stale), so the catalogue changes the moment a version is published or retired.
/// </summary>
internal sealed class PublishedProcedures(OneStopDbContext db, ProcedureCatalog catalog)
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The current published version of every procedure that has one, by Vietnamese title.</summary>
    public async Task<ImmutableArray<LoadedVersion>> CurrentAsync(CancellationToken cancellationToken)
    {
        var newest = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status == ProcedureVersionStatus.Published)
            .GroupBy(v => v.Code).Select(g => new { Code = g.Key, Version = g.Max(v => v.Version) })
            .ToListAsync(cancellationToken);
        var versions = new List<LoadedVersion>(newest.Count);
        foreach (var current in newest)
        {
            versions.Add(await catalog.VersionOfAsync(db, current.Code, current.Version, cancellationToken));
        }

        return [.. versions.OrderBy(v => v.Procedure.Title.Vi, Comparer<string>.Create(
            (a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase)))];
    }

    /// <summary>The current published version of <paramref name="code"/>, or null when it has none.</summary>
    public Task<LoadedVersion?> FindAsync(string code, CancellationToken cancellationToken) =>
        code.Length > 100
            ? Task.FromResult<LoadedVersion?>(null)
            : catalog.PublishedVersionAsync(db, code, null, cancellationToken);

    /// <summary>The catalogue's entry of a loaded version.</summary>
    public static PublicProcedure Entry(LoadedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var procedure = version.Procedure;
        var levels = Receivers.Of(procedure, version.Units).GroupBy(u => u.Level).OrderBy(g => g.Key)
            .Select(g => new PublicLevel(Receivers.LevelName(g.Key), CatalogueWords.Level(g.Key),
                [.. Ordered(g).Select(Unit)]));
        var deadline = procedure.StatutoryDeadline;
        decimal? days = deadline.SameDay ? null
            : deadline.Duration.Unit == DurationUnit.WorkingDays ? deadline.Duration.Amount
            : Math.Round(deadline.Duration.ToHours(version.Calendar.HoursPerDay) / version.Calendar.HoursPerDay, 2);
        return new PublicProcedure(procedure.Code.Value, procedure.Version, procedure.NationalCode, procedure.Title,
            [.. levels], new StatutoryTime(CatalogueWords.Time(deadline), days, deadline.SameDay),
            procedure.Online is not null);
    }

    /// <summary>The catalogue's page of a loaded version.</summary>
    public static PublicProcedureDetails Details(LoadedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var procedure = version.Procedure;
        var forms = BlankForm.Offered(procedure);
        var components = procedure.Components.Select(c => new PublicComponent(c.Id, c.Name, c.Form,
            CatalogueWords.Form(c.Form), c.Quantity, c.Required,
            BlankForm.OfComponent(procedure, c.Id)?.Id));
        var result = procedure.Result is { } r && procedure.FindDocument(r.Document) is { } document
            ? new PublicResult(document.Title, r.Paper)
            : null;
        return new PublicProcedureDetails(Entry(version), procedure.LegalBasis,
            [.. procedure.Fees.Select(f => new PublicFee(f.Name, f.Amount, CatalogueWords.Money(f.Amount), f.Note))],
            [.. components],
            [.. forms.Select(f => new PublicForm(f.Id, f.Title,
                f.Form is { } number ? CatalogueWords.FormNumber(number) : null,
                procedure.Components.Any(c => c.Id == f.Id) ? f.Id : null))],
            result,
            [.. procedure.Fields.Select(f => new PublicField(f.Name, f.Label, CatalogueWords.Kind(f.Type), f.Required,
                [.. f.Choices.Select(f.ChoiceLabel)]))]);
    }

    /// <summary>The folded words a search looks in: titles, national code and legal basis.</summary>
    public static string SearchText(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return CatalogueSearch.Fold(string.Join(" ",
            [procedure.Title.Vi, procedure.Title.En, procedure.NationalCode ?? "", .. procedure.LegalBasis]));
    }

    public static PublicUnit Unit(UnitDefinition unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Code, unit.Name, Receivers.LevelName(unit.Level));
    }

    /// <summary>
    /// Units as a citizen looks for them: the one-stop service centre first, then by Vietnamese name.
    /// </summary>
    public static IEnumerable<UnitDefinition> Ordered(IEnumerable<UnitDefinition> units) =>
        units.OrderBy(u => u.Kind == "service-centre" ? 0 : 1)
            .ThenBy(u => u.Name.Vi, Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b)));
}
