using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Core.Events;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>
/// Makes local pools behave like spot capacity: each worker process is preempted at random at the pool's
/// spot_market.preemptions_per_hour (a Poisson process per worker), with SIGTERM as the notice and SIGKILL when the
/// notice runs out, so recovery can be watched on one machine. Preemptions are recorded on the instance and as sweep events.
/// </summary>
public sealed class LocalSpotMarket(
    IDbContextFactory<TunerDbContext> contexts,
    LocalCapacityProvider provider,
    AutoscalerLeadership leadership,
    LocalSpotMarketRandom random,
    TimeProvider clock,
    ILogger<LocalSpotMarket> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, clock, stoppingToken);
                var now = clock.GetUtcNow();
                if (await leadership.HoldAsync(stoppingToken)) await PassAsync(now - last, stoppingToken);
                last = now;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Spot market pass failed; retrying");
            }
        }
    }

    /// <summary>Preempts each live worker of a market pool with probability 1 - exp(-rate × elapsed).</summary>
    public async Task PassAsync(TimeSpan elapsed, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var markets = await db.CapacityPools.AsNoTracking()
            .Where(p => p.Provider == LocalCapacityProvider.ProviderName && p.SpotMarketPreemptionsPerHour != null)
            .ToListAsync(ct);
        foreach (var pool in markets)
        {
            var probability = 1 - Math.Exp(-pool.SpotMarketPreemptionsPerHour!.Value * elapsed.TotalHours);
            var live = await db.CapacityInstances
                .Where(i => i.Pool == pool.Name && i.State == CapacityInstanceState.Running && i.InstanceId != null)
                .ToListAsync(ct);
            foreach (var instance in live.Where(_ => random.NextDouble() < probability))
            {
                await PreemptAsync(db, pool, instance, ct);
            }
        }
    }

    private async Task PreemptAsync(TunerDbContext db, CapacityPool pool, CapacityInstance instance, CancellationToken ct)
    {
        var notice = pool.SpotMarketNotice ?? TimeSpan.Zero;
        var now = clock.GetUtcNow();
        var how = notice > TimeSpan.Zero ? $"SIGTERM, SIGKILL after {notice.TotalSeconds:0.#}s" : "SIGKILL, no notice";
        instance.State = CapacityInstanceState.Terminating;
        instance.TerminateRequestedAt = now;
        instance.EndReason = $"preempted by the local spot market ({how})";
        if (notice <= TimeSpan.Zero) instance.EndedAt = now;
        var worker = await db.Workers.AsNoTracking().Where(w => w.InstanceId == instance.InstanceId).OrderByDescending(w => w.StartedAt).Select(w => new { w.CurrentTrialId }).FirstOrDefaultAsync(ct);
        var trialId = worker?.CurrentTrialId;
        var trial = trialId is { } t ? await db.Trials.Where(x => x.Id == t).Select(x => new { x.Id, x.SweepId, x.Number }).SingleOrDefaultAsync(ct) : null;
        var sweepId = trial?.SweepId;
        var message = $"spot market preempted worker {instance.InstanceId} of pool {pool.Name} ({how})"
            + (trial is not null ? $" while it ran {TrialNames.Of(trial.Number, trial.Id)}" : " while it was idle");
        if ((sweepId ?? instance.SweepId) is { } target) SweepEvents.Add(db, target, trialId, SweepEventKinds.Preempted, message, clock);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Message}", message);
        await provider.PreemptAsync(instance.InstanceId!, notice);
    }
}
