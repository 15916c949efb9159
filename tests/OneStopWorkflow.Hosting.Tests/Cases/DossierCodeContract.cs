using Microsoft.EntityFrameworkCore;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>Dossier codes: each unit's daily numbers stay distinct and consecutive under parallel receipt.</summary>
public abstract class DossierCodeContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task Eight_clerks_receiving_at_once_get_eight_distinct_consecutive_dossier_codes()
    {
        await using var app = await StartAsync("2026-03-02T09:00:00+07:00");
        var codes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () => (await app.ReceiveLandTransferAsync()).DossierCode)));

        Assert.Equal(8, codes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"HP.LECHAN-260302-{n:0000}"),
            codes.Order(StringComparer.Ordinal));
        await using var db = app.Db();
        Assert.Equal(8, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteDossierCodeTests() : DossierCodeContract(StorageProvider.Sqlite);

public sealed class PostgresDossierCodeTests() : DossierCodeContract(StorageProvider.Postgres);
