using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>/healthz is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Provider} answers.")
            : HealthCheckResult.Unhealthy($"{db.Provider} does not answer.");
    }
}
