using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Capacity.Local;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Core.Capacity;
using Tuner.Core.Events;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Says when a pool's trials wait for capacity that will never come, and what to do: no worker serves the pool's queue
/// and the scheduler will launch none (the local provider with TUNER_LOCAL_MAX_WORKERS=0, a pool whose max_instances is
/// 0, a provider that is not configured). Told in the submit response, and once per sweep as a
/// <see cref="SweepEventKinds.CapacityUnavailable"/> event that `tuner status` shows.
/// </summary>
public sealed class CapacityAvailability(
    IDbContextFactory<TunerDbContext> contexts,
    CapacityProviders providers,
    CapacitySettings capacity,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<CapacityAvailability> logger)
{
    /// <summary>Why no worker will ever take the pool's trials, with what to do; null when one may.</summary>
    public async Task<string?> WhyNoneAsync(string poolName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pool = await db.CapacityPools.AsNoTracking().SingleOrDefaultAsync(p => p.Name == poolName, ct);
        if (pool is null) return null;
        var aliveSince = clock.GetUtcNow() - settings.WorkerSilenceLimit;
        if (await db.Workers.AnyAsync(w => w.Queue == pool.Name && w.State == WorkerState.Active && w.LastHeartbeatAt >= aliveSince, ct))
        {
            return null;
        }

        var startWorker = pool.Name == PoolNames.Local ? "`tuner worker`" : $"`TUNER_QUEUE={pool.Name} tuner worker`";
        if (providers.Find(pool.Provider, out var whyNot) is null)
        {
            return $"no worker serves pool {pool.Name} and none can be launched: {whyNot}. Configure the provider (docs/cloud-capacity.md) or start a worker with {startWorker}";
        }

        if (pool.MaxInstances <= 0)
        {
            return $"no worker serves pool {pool.Name} and none can be launched: its max_instances is 0. Raise capacity.max_instances or start a worker with {startWorker}";
        }

        if (pool.Provider == LocalCapacityProvider.ProviderName && capacity.LocalMaxWorkers == 0)
        {
            return $"no worker serves pool {pool.Name} and this server starts none (TUNER_LOCAL_MAX_WORKERS is 0): start a worker with {startWorker} or set TUNER_LOCAL_MAX_WORKERS";
        }

        return null;
    }

    /// <summary>Adds the event to each sweep whose trials have waited past the grace period, once per sweep.</summary>
    public async Task ReportAsync(string poolName, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - capacity.CapacityWaitGrace;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var untold = await db.Sweeps.AsNoTracking()
            .Where(s => sweepIds.Contains(s.Id) && s.State == SweepState.Running && s.CreatedAt <= since
                && !db.SweepEvents.Any(e => e.SweepId == s.Id && e.Kind == SweepEventKinds.CapacityUnavailable))
            .Select(s => s.Id).ToListAsync(ct);
        if (untold.Count == 0 || await WhyNoneAsync(poolName, ct) is not { } reason) return;
        foreach (var sweepId in untold)
        {
            SweepEvents.Add(db, sweepId, null, SweepEventKinds.CapacityUnavailable, reason, clock);
            logger.LogWarning("Sweep {SweepId} waits for capacity that will not come: {Reason}", sweepId, reason);
        }

        await db.SaveChangesAsync(ct);
    }
}
