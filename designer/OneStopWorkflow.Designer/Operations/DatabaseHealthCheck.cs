using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStopWorkflow.Hosting.Startup;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>/healthz is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (answers, provider) =
            await scope.ServiceProvider.GetRequiredService<StoreProbe>().CheckAsync(cancellationToken);
        return answers
            ? HealthCheckResult.Healthy($"{provider} answers.")
            : HealthCheckResult.Unhealthy($"{provider} does not answer.");
    }
}
