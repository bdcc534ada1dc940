using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tuner.Persistence;

namespace Tuner.Scheduler.Api.Health;

/// <summary>Ready when Tuner's database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<TunerDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Sweeps.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message names the failure (refused, timed out, no such database), never the connection string.
            return HealthCheckResult.Unhealthy($"the database does not answer: {e.GetBaseException().Message}", e);
        }
    }
}
