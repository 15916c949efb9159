using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Startup;

/// <summary>Whether the configured database answers, for health checks.</summary>
public sealed class StoreProbe(OneStopDbContext db)
{
    public async Task<(bool Answers, string Provider)> CheckAsync(CancellationToken cancellationToken) =>
        (await db.Database.CanConnectAsync(cancellationToken), db.Provider.ToString());
}
