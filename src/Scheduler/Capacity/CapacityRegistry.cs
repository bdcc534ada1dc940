using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Events;
using Tuner.Scheduler.Trials;

namespace Tuner.Scheduler.Capacity;

/// <summary>
/// Launches and terminates machines with a record in PostgreSQL around every call: the row (with its launch token) is
/// committed before the provider is called, and completed after. <see cref="ReconcileAsync"/> compares the rows with the
/// provider's own list, so a crash between launch and record, a restart or a failed terminate leaks nothing.
/// </summary>
public sealed class CapacityRegistry(
    IDbContextFactory<TunerDbContext> contexts,
    CapacityProviders providers,
    WorkerScripts scripts,
    ExpiredLeases expiredLeases,
    CapacitySettings settings,
    TimeProvider clock,
    ILogger<CapacityRegistry> logger)
{
    /// <summary>Launches one machine for the pool; returns false (with the reason recorded) when the provider refused.</summary>
    public async Task<LaunchResult> LaunchAsync(CapacityPool pool, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        var provider = providers.Find(pool.Provider, out var whyNot);
        var market = pool.Spot && pool.SpotFailures < pool.OnDemandAfterSpotFailures ? CapacityMarket.Spot : CapacityMarket.OnDemand;
        var record = new CapacityInstance
        {
            Provider = pool.Provider,
            Pool = pool.Name,
            LaunchToken = Guid.NewGuid().ToString(),
            Market = market,
            GpuCount = pool.GpuCount,
            State = CapacityInstanceState.Requested,
            SweepId = sweepIds.Count > 0 ? sweepIds[0] : null,
            RequestedAt = clock.GetUtcNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.CapacityInstances.Add(record);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            if (provider is null) throw new CapacityException(CapacityErrorKind.Rejected, "NotConfigured", whyNot!);
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(pool.LabelsJson) ?? [];
            var types = JsonSerializer.Deserialize<List<string>>(pool.InstanceTypesJson) ?? [];
            var request = new LaunchRequest(record.LaunchToken, settings.Deployment, pool.Name, types, market, pool.GpuCount, scripts.For(pool), labels);
            var launched = await provider.LaunchAsync(request, ct);
            await RecordLaunchedAsync(record.Id, launched, pool, ct);
            return new LaunchResult(true, market, null);
        }
        catch (CapacityException ex)
        {
            await RecordRefusedAsync(record.Id, pool, market, ex, sweepIds, ct);
            return new LaunchResult(false, market, ex);
        }
    }

    /// <summary>Asks the provider to end the instance; the row stays Terminating until the provider no longer lists it.</summary>
    public async Task TerminateAsync(CapacityInstance instance, string reason, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.CapacityInstances.Where(i => i.Id == instance.Id && i.State != CapacityInstanceState.Ended)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, CapacityInstanceState.Terminating)
                    .SetProperty(i => i.TerminateRequestedAt, clock.GetUtcNow())
                    .SetProperty(i => i.EndReason, i => i.EndReason ?? reason), ct);
        }

        if (instance.InstanceId is null || providers.Find(instance.Provider, out _) is not { } provider) return;
        try
        {
            await provider.TerminateAsync(instance.InstanceId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Terminating {Provider} instance {InstanceId} failed ({Message}); the reconciler tries again", instance.Provider, instance.InstanceId, ex.Message);
        }
    }

    /// <summary>
    /// Brings the rows of one provider in line with its list: adopts a launched instance whose record never learned its
    /// id, terminates instances nobody recorded (or that should be gone), repeats unfinished terminations, and closes
    /// rows of instances that are gone (preempted, exited) or whose launch was never confirmed.
    /// </summary>
    public async Task ReconcileAsync(ICapacityProvider provider, CancellationToken ct)
    {
        var listed = await provider.ListAsync(settings.Deployment, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.CapacityInstances.Where(i => i.Provider == provider.Name && i.State != CapacityInstanceState.Ended).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var toTerminate = new List<(string InstanceId, string Why)>();
        var ended = new List<string>();
        foreach (var instance in listed)
        {
            var row = open.FirstOrDefault(i => i.InstanceId == instance.InstanceId)
                ?? open.FirstOrDefault(i => i.InstanceId is null && i.LaunchToken == instance.LaunchToken);
            if (row is null)
            {
                var known = await db.CapacityInstances.AnyAsync(i => i.Provider == provider.Name && (i.InstanceId == instance.InstanceId || i.LaunchToken == instance.LaunchToken), ct);
                var why = known ? "recorded as ended but still running" : "running without a record";
                toTerminate.Add((instance.InstanceId, why));
                if (!known) db.CapacityInstances.Add(Untracked(provider.Name, instance, why, now));
                continue;
            }

            row.LastSeenAt = now;
            if (row.InstanceId is null)
            {
                row.InstanceId = instance.InstanceId;
                row.InstanceType = instance.InstanceType;
                row.Zone = instance.Zone;
                // A row terminated before its id was known (scaled to zero mid-launch) stays Terminating: end the machine.
                if (row.State == CapacityInstanceState.Requested) row.State = CapacityInstanceState.Running;
                row.LaunchedAt ??= now;
                logger.LogInformation("Adopted {Provider} instance {InstanceId} by its launch token", provider.Name, instance.InstanceId);
            }

            if (instance.State == ProviderInstanceState.Stopped && row.State != CapacityInstanceState.Terminating)
            {
                // A stopped machine does no work but keeps its disk (and, on GCE, its name): workers power off when they
                // exit, and a spot VM may be stopped by preemption. Delete it.
                row.State = CapacityInstanceState.Terminating;
                row.TerminateRequestedAt ??= now;
                row.EndReason ??= "stopped: worker exited or the machine was preempted";
            }

            if (row.State == CapacityInstanceState.Terminating) toTerminate.Add((instance.InstanceId, row.EndReason ?? "terminating"));
        }

        foreach (var row in open.Where(r => !listed.Any(l => l.InstanceId == r.InstanceId || (r.InstanceId is null && l.LaunchToken == r.LaunchToken))))
        {
            var gone = row.State switch
            {
                CapacityInstanceState.Running => "gone: preempted, exited or stopped outside Tuner",
                CapacityInstanceState.Terminating => row.EndReason ?? "terminated",
                _ when now - row.RequestedAt > settings.LaunchConfirmGrace => "launch never confirmed by the provider",
                _ => null,
            };
            if (gone is null) continue;
            row.State = CapacityInstanceState.Ended;
            row.EndReason ??= gone;
            row.EndedAt ??= now;
            if (row.InstanceId is not null) ended.Add(row.InstanceId);
        }

        await db.SaveChangesAsync(ct);
        foreach (var instanceId in ended)
        {
            await expiredLeases.RevokeForInstanceAsync(instanceId, ct);
        }

        foreach (var (instanceId, why) in toTerminate)
        {
            logger.LogWarning("Terminating {Provider} instance {InstanceId}: {Why}", provider.Name, instanceId, why);
            try
            {
                await provider.TerminateAsync(instanceId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Terminating {InstanceId} failed ({Message}); trying again next pass", instanceId, ex.Message);
            }
        }
    }

    private static CapacityInstance Untracked(string provider, ProviderInstance instance, string why, DateTimeOffset now) => new()
    {
        Provider = provider,
        Pool = "(untracked)",
        LaunchToken = instance.LaunchToken ?? Guid.NewGuid().ToString(),
        InstanceId = instance.InstanceId,
        InstanceType = instance.InstanceType,
        Zone = instance.Zone,
        Market = instance.Market,
        State = CapacityInstanceState.Terminating,
        RequestedAt = now,
        LastSeenAt = now,
        TerminateRequestedAt = now,
        EndReason = "untracked: " + why,
    };

    private async Task RecordLaunchedAsync(long id, LaunchedInstance launched, CapacityPool pool, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.CapacityInstances.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.InstanceId, launched.InstanceId)
            .SetProperty(i => i.InstanceType, launched.InstanceType)
            .SetProperty(i => i.Zone, launched.Zone)
            .SetProperty(i => i.Market, launched.Market)
            .SetProperty(i => i.HourlyPriceUsd, launched.HourlyPriceUsd)
            .SetProperty(i => i.State, i => i.State == CapacityInstanceState.Requested ? CapacityInstanceState.Running : i.State)
            .SetProperty(i => i.LaunchedAt, now)
            .SetProperty(i => i.LastSeenAt, now), ct);
        if (launched.Market == CapacityMarket.Spot && pool.SpotFailures > 0)
        {
            await db.CapacityPools.Where(p => p.Name == pool.Name).ExecuteUpdateAsync(s => s.SetProperty(p => p.SpotFailures, 0), ct);
            pool.SpotFailures = 0;
        }
    }

    private async Task RecordRefusedAsync(
        long id, CapacityPool pool, CapacityMarket market, CapacityException refusal, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var reason = $"launch failed: {refusal.Code}: {refusal.Message}";
        await db.CapacityInstances.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, CapacityInstanceState.Ended)
            .SetProperty(i => i.EndReason, reason.Length > 400 ? reason[..400] : reason)
            .SetProperty(i => i.EndedAt, clock.GetUtcNow()), ct);
        var message = $"{pool.Provider} refused a {(market == CapacityMarket.Spot ? "spot" : "on-demand")} launch in pool {pool.Name}: {refusal.Code}: {refusal.Message}";
        foreach (var sweepId in sweepIds) SweepEvents.Add(db, sweepId, null, "launch_failed", message, clock);
        if (market == CapacityMarket.Spot && refusal.Kind is CapacityErrorKind.InsufficientCapacity or CapacityErrorKind.Quota)
        {
            pool.SpotFailures++;
            await db.CapacityPools.Where(p => p.Name == pool.Name).ExecuteUpdateAsync(s => s.SetProperty(p => p.SpotFailures, pool.SpotFailures), ct);
            if (pool.SpotFailures == pool.OnDemandAfterSpotFailures)
            {
                var fallback = $"{pool.SpotFailures} spot launches in a row failed (last: {refusal.Code}); pool {pool.Name} launches on-demand until it scales to zero, then tries spot again";
                foreach (var sweepId in sweepIds) SweepEvents.Add(db, sweepId, null, "spot_fallback", fallback, clock);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogWarning("{Message}", message);
    }
}
