using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduling.Capacity.Local;
using Tuner.Persistence;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>`tuner run`'s view of the local pool: stopping every worker at the end, and noticing workers that die at start.</summary>
internal static class LocalWorkers
{
    /// <summary>SIGTERMs every local worker this deployment runs and waits (up to <paramref name="timeout"/>) for them to exit.</summary>
    public static Task StopAllAsync(IServiceProvider services, TimeSpan timeout) =>
        services.GetRequiredService<LocalPoolShutdown>().StopWorkersAsync("tuner run finished", timeout);

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
