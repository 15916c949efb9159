using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStopWorkflow.Hosting.EResults;

namespace OneStopWorkflow.Designer.EResults;

/// <summary>
/// /healthz is degraded (still answered with 200) while electronic results cannot be filed, Chromium missing for
/// one: the cases are finished and wait, so the app still serves, but an operator is to look.
/// </summary>
public sealed class EResultHealthCheck(EResultFiler filer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(filer.Problem is { } problem
            ? HealthCheckResult.Degraded(
                $"E-results are not filed since {problem.Since:O}: {problem.Message} ({problem.Waiting} waiting).")
            : HealthCheckResult.Healthy("E-results are filed."));
}
