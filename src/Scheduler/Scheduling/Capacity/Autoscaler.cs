using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Capacity.Local;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Core.Capacity;
using Tuner.Core.Events;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Keeps every pool's machines at its demand: launches when trials wait, scales to zero when idle, and reconciles the
/// capacity records with each provider's own list. One autoscaler acts at a time across schedulers
/// (<see cref="AutoscalerLeadership"/>); its decisions and their reasons are recorded as sweep events.
/// </summary>
public sealed class Autoscaler(
    IDbContextFactory<TunerDbContext> contexts,
    CapacityRegistry registry,
    CapacityReconciler reconciler,
    CapacityProviders providers,
    ILaunchBudget budget,
    Costs.PoolTypeChoice types,
    CapacitySettings settings,
    AutoscalerLeadership leadership,
    CapacityAvailability availability,
    TimeProvider clock,
    ILogger<Autoscaler> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> nextList = [];
    /// <summary>After a failed launch a pool waits 5 s, doubling with each further failure, at most 5 minutes.</summary>
    private static readonly TimeSpan FirstLaunchRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestLaunchRetry = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> backoff = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync("Autoscaler", settings.AutoscaleInterval, clock, logger, PassIfLeaderAsync, stoppingToken);

    private async Task PassIfLeaderAsync(CancellationToken ct)
    {
        if (await leadership.HoldAsync(ct)) await PassAsync(ct);
    }

    public async Task PassAsync(CancellationToken ct)
    {
        await ReconcileAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pools = await db.CapacityPools.AsNoTracking().ToListAsync(ct);
        foreach (var pool in pools)
        {
            await ScaleAsync(pool, ct);
        }
    }

    private async Task ReconcileAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var provider in providers.All)
        {
            if (nextList.TryGetValue(provider.Name, out var due) && now < due) continue;
            nextList[provider.Name] = now + (provider is LocalCapacityProvider ? TimeSpan.Zero : settings.CloudListInterval);
            try
            {
                await reconciler.ReconcileAsync(provider, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Listing {Provider} instances failed ({Message}); trying again next pass", provider.Name, ex.Message);
            }
        }
    }

    private async Task ScaleAsync(CapacityPool pool, CancellationToken ct)
    {
        var demand = await DemandAsync(pool.Name, ct);
        var now = clock.GetUtcNow();
        List<CapacityInstance> live;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (demand.Trials > 0)
            {
                await db.CapacityPools.Where(p => p.Name == pool.Name).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastBusyAt, now), ct);
                pool.LastBusyAt = now;
            }

            live = await db.CapacityInstances.AsNoTracking()
                .Where(i => i.Pool == pool.Name && (i.State == CapacityInstanceState.Requested || i.State == CapacityInstanceState.Running))
                .ToListAsync(ct);
        }

        if (demand.Queued > 0 && live.Count == 0) await availability.ReportAsync(pool.Name, demand.SweepIds, ct);
        var decision = ScaleDecision.For(pool, demand, live.Count, ProviderCap(pool.Provider), now);
        if (decision.ScaleToZero)
        {
            await RecordAsync(pool, demand.SweepIds, SweepEventKinds.ScaleDown, decision.Reason!, ct);
            foreach (var instance in live) await registry.TerminateAsync(instance, "idle: pool scaled to zero", ct);
            await ResetSpotFailuresAsync(pool.Name, ct);
            return;
        }

        if (decision.Launch == 0 || (backoff.TryGetValue(pool.Name, out var wait) && now < wait.NotBefore)) return;
        if (await budget.WhyNotAsync(pool.Name, demand.SweepIds, ct) is { } refusal)
        {
            logger.LogInformation("Pool {Pool} does not launch: {Reason}", pool.Name, refusal);
            return;
        }

        // Right-sizing: with several machine types, the one with the lowest measured cost per epoch goes first.
        var choice = await types.ChooseAsync(pool, demand.SweepIds, ct);
        await RecordAsync(pool, demand.SweepIds, SweepEventKinds.ScaleUp, choice.Why is { } why ? $"{decision.Reason}; {why}" : decision.Reason!, ct);
        for (var i = 0; i < decision.Launch; i++)
        {
            var result = await registry.LaunchAsync(pool, demand.SweepIds, ct, choice);
            if (result.Launched)
            {
                backoff.Remove(pool.Name);
                continue;
            }

            var failures = backoff.TryGetValue(pool.Name, out var previous) ? previous.Failures + 1 : 1;
            var delay = TimeSpan.FromSeconds(Math.Min(LongestLaunchRetry.TotalSeconds, FirstLaunchRetry.TotalSeconds * Math.Pow(2, failures - 1)));
            backoff[pool.Name] = (failures, now + delay);
            break;
        }
    }

    private int ProviderCap(string provider) =>
        provider == LocalCapacityProvider.ProviderName ? settings.LocalMaxWorkers : int.MaxValue;

    private async Task<PoolDemand> DemandAsync(string pool, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var active = db.Sweeps.Where(s => s.Pool == pool && (s.State == SweepState.Running || s.State == SweepState.Cancelling));
        // A sweep paused by its budget keeps the machines its running trials are on, and asks for none for its waiting ones.
        var paused = db.Sweeps.Where(s => s.Pool == pool && s.State == SweepState.Paused);
        var counts = await db.Trials.Where(t => (active.Any(s => s.Id == t.SweepId) && (t.Status == TrialStatus.Waiting || t.Status == TrialStatus.Running))
                                                || (paused.Any(s => s.Id == t.SweepId) && t.Status == TrialStatus.Running))
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var sweepIds = await active.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        if (sweepIds.Count == 0)
        {
            var latest = await db.Sweeps.Where(s => s.Pool == pool).OrderByDescending(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
            if (latest is { } id) sweepIds.Add(id);
        }

        int Count(TrialStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return new PoolDemand(Count(TrialStatus.Waiting), Count(TrialStatus.Running), sweepIds);
    }

    private async Task RecordAsync(CapacityPool pool, IReadOnlyList<long> sweepIds, string kind, string message, CancellationToken ct)
    {
        logger.LogInformation("{Message}", message);
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var sweepId in sweepIds) SweepEvents.Add(db, sweepId, null, kind, message, clock);
        await db.SaveChangesAsync(ct);
    }

    private async Task ResetSpotFailuresAsync(string pool, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.CapacityPools.Where(p => p.Name == pool).ExecuteUpdateAsync(s => s.SetProperty(p => p.SpotFailures, 0), ct);
    }
}
