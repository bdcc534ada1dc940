using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Capacity;
using Tuner.Scheduler.Capacity.Local;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>`tuner run`'s view of the local pool: stopping every worker at the end, and noticing workers that die at start.</summary>
internal static class LocalWorkers
{
    /// <summary>SIGTERMs every local worker this deployment runs and waits (up to <paramref name="timeout"/>) for them to exit.</summary>
    public static async Task StopAllAsync(IServiceProvider services, TimeSpan timeout)
    {
        var registry = services.GetRequiredService<CapacityRegistry>();
        var provider = services.GetRequiredService<LocalCapacityProvider>();
        var deployment = services.GetRequiredService<CapacitySettings>().Deployment;
        await using (var db = await services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync())
        {
            var live = await db.CapacityInstances.AsNoTracking()
                .Where(i => i.Provider == provider.Name && (i.State == CapacityInstanceState.Requested || i.State == CapacityInstanceState.Running))
                .ToListAsync();
            foreach (var instance in live) await registry.TerminateAsync(instance, "tuner run finished", CancellationToken.None);
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while ((await provider.ListAsync(deployment, CancellationToken.None)).Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await services.GetRequiredService<CapacityReconciler>().ReconcileAsync(provider, CancellationToken.None);
    }

    /// <summary>
    /// True when at least 3 × <paramref name="workerCount"/> local workers launched since <paramref name="since"/> have ended without ever registering: they
    /// crash at start (a broken build, no data), so waiting longer would not help.
    /// </summary>
    public static async Task<bool> CrashLoopingAsync(IServiceProvider services, int workerCount, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync(ct);
        var deadOnArrival = await db.CapacityInstances.CountAsync(i =>
            i.Provider == LocalCapacityProvider.ProviderName && i.RequestedAt >= since && i.State == CapacityInstanceState.Ended && i.InstanceId != null
            && i.TerminateRequestedAt == null && !db.Workers.Any(w => w.InstanceId == i.InstanceId), ct);
        return deadOnArrival >= 3 * workerCount;
    }
}
