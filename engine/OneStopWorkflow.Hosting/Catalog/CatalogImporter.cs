using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Engine.Units;
using OneStopWorkflow.Persistence.Catalog;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>
/// Imports the catalog folder into the store on start: the units, then every version folder through
/// <see cref="VersionPublisher"/>. Importing the same folder twice changes nothing.
/// </summary>
public sealed class CatalogImporter(OneStopDbContext db, ProcedureCatalog catalog, VersionPublisher publisher)
{
    public async Task<IReadOnlyList<PublishOutcome>> ImportAsync(CancellationToken cancellationToken)
    {
        var context = await catalog.ContextAsync(cancellationToken);
        await ImportUnitsAsync(context.Units, cancellationToken);
        var outcomes = new List<PublishOutcome>();
        if (!Directory.Exists(catalog.Folder.Root))
        {
            return outcomes;
        }

        foreach (var folder in CatalogFolder.VersionFolders(catalog.Folder.Root))
        {
            var source = await catalog.Folder.ReadVersionAsync(folder, cancellationToken);
            outcomes.Add(await publisher.PublishAsync(source, "catalog", cancellationToken));
        }

        return outcomes;
    }

    private async Task ImportUnitsAsync(UnitDirectory units, CancellationToken cancellationToken)
    {
        var stored = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var unit in units.Units)
        {
            if (!stored.TryGetValue(unit.Code, out var row))
            {
                row = new UnitRow { Code = unit.Code };
                db.Units.Add(row);
            }

            row.NameVi = unit.Name.Vi;
            row.NameEn = unit.Name.En;
            row.Level = unit.Level.ToString().ToLowerInvariant();
            row.Parent = unit.Parent;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
