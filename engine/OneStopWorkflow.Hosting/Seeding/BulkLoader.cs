using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Codes;
using OneStopWorkflow.Persistence.Figures;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Seeding;

/// <summary>
/// Writes a population into the store in bulk, for <c>onestop seed</c> and <c>onestop bench</c>: many cases per save,
/// with trails hash-chained as every save chains them, but without an actor and without the per-save figures (one
/// recount after the load is far cheaper). This is operator work, not a user request, so it is not behind the mediator.
/// </summary>
public sealed class BulkLoader(IServiceScopeFactory scopes)
{
    /// <summary>How many cases are staged per save.</summary>
    public const int Batch = 500;

    /// <summary>
    /// Saves <paramref name="cases"/>, <see cref="Batch"/> at a time, as they are enumerated; a finished task's working
    /// hours are counted on <paramref name="calendar"/>. Returns the number of trail events written.
    /// </summary>
    public async Task<int> LoadAsync(
        IEnumerable<DecidedCase> cases, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calendar);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var store = new CaseStore(db);
        var (staged, events) = (0, 0);
        foreach (var decided in cases)
        {
            store.Stage(decided.State, decided.Trail, decided.NextDueAt, calendar, decided.Procedure);
            events += decided.Trail.Count;
            if (++staged % Batch == 0)
            {
                await SaveAsync(db, cancellationToken);
            }
        }

        if (staged % Batch != 0)
        {
            await SaveAsync(db, cancellationToken);
        }

        return events;
    }

    /// <summary>
    /// Records the last dossier number given per unit and local day (<c>yyMMdd</c>), so that the next receipt there
    /// continues after the loaded cases.
    /// </summary>
    public async Task SaveDossierNumbersAsync(
        IReadOnlyDictionary<(string Unit, string Day), int> lastNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lastNumbers);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        db.DossierSequences.AddRange(lastNumbers.Select(s =>
            new DossierSequenceRow { Unit = s.Key.Unit, Day = s.Key.Day, Last = s.Value }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recounts the per-day figures from the loaded cases, which the bulk saves leave out.</summary>
    public async Task RebuildFiguresAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DayFigures.RebuildAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), cancellationToken);
    }

    /// <summary>
    /// The room the database takes, in bytes: the SQLite file with its write-ahead log, or PostgreSQL's
    /// <c>pg_database_size</c>.
    /// </summary>
    public async Task<long> DatabaseSizeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (db.Provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }

        var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return size.Single();
    }

    private static async Task SaveAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
