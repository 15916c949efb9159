using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Persistence.Tests.Storage;

/// <summary>
/// A store from before lookup secrets were hashed keeps no secret after the upgrade: each row holds the hash the
/// engine computes, so the citizen's receipt still opens the lookup. On SQLite and on a real PostgreSQL server.
/// </summary>
public sealed class SecretHashMigrationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_store_replaces_each_stored_secret_with_its_hash(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres && TestDatabase.PostgresMissing() is { } missing)
        {
            Assert.False(TestDatabase.PostgresRequired, $"PostgreSQL is required here: {missing}");
            Assert.Skip(missing);
        }

        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var upgrade = migrations.FindIndex(m => m.EndsWith("_LookupSecretHash", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[upgrade - 1], cancel);

            // Before the upgrade the column held the secret itself.
            await OldSchemaRows.InsertAsync(
                db, [Case("019a0000000070008000000000000001", "3518cf03"), Case("c2", "e6a68246")], cancel);
        }

        await using (var db = database.CreateContext())
        {
            await OneStopDatabase.MigrateAsync(db, cancel);

            var rows = await db.Cases.OrderBy(c => c.Id).ToListAsync(cancel);
            Assert.Equal(
                [LookupSecret.Hash(rows[0].Id, "3518cf03"), LookupSecret.Hash("c2", "e6a68246")],
                rows.Select(r => r.SecretHash));
            Assert.True(LookupSecret.Matches(rows[1].Id, rows[1].SecretHash, "E6A68246 "));
            Assert.DoesNotContain(rows, r => r.SecretHash.Contains("3518cf03", StringComparison.Ordinal)
                || r.SecretHash.Contains("e6a68246", StringComparison.Ordinal));
        }
    }

    private static CaseRow Case(string id, string secret) => new()
    {
        Id = id, DossierCode = $"HP.LECHAN-260302-{id.PadLeft(4, '0')[^4..]}", SecretHash = secret,
        ProcedureCode = "land-use-transfer", ProcedureVersion = 1, ProcedureHash = "hash", ReceivingUnit = "HP.LECHAN",
        Channel = "counter", Status = CaseStatus.Open, ReceivedAt = Monday, ReceivedDay = "2026-03-02", Version = 3,
        LastHash = "hash",
    };
}
