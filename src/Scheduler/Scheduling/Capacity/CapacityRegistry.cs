using Microsoft.Extensions.Logging;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Core.Capacity;
using Tuner.Core.Events;
using Tuner.Core.Costs;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Launches and terminates machines with a record in PostgreSQL around every call: the row (with its launch token) is
/// committed before the provider is called, and completed after; <see cref="CapacityReconciler"/> compares the rows
/// with the provider's own list, so a crash between launch and record, a restart or a failed terminate leaks nothing.
/// </summary>
public sealed class CapacityRegistry(
    IDbContextFactory<TunerDbContext> contexts,
    CapacityProviders providers,
    WorkerScripts scripts,
    CapacitySettings settings,
    TimeProvider clock,
    ILogger<CapacityRegistry> logger)
{
    /// <summary>Launches one machine for the pool; returns false (with the reason recorded) when the provider refused.</summary>
    /// <param name="types">The machine types in the order to ask for them (right-sizing); null: the pool's own order.</param>
    public async Task<LaunchResult> LaunchAsync(CapacityPool pool, IReadOnlyList<long> sweepIds, CancellationToken ct, TypeChoice? types = null)
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
            var order = types?.Order ?? JsonSerializer.Deserialize<List<string>>(pool.InstanceTypesJson) ?? [];
            var request = new LaunchRequest(record.LaunchToken, settings.Deployment, pool.Name, order, market, pool.GpuCount, scripts.For(pool), labels)
            {
                TypesByMeasuredCost = types?.Why is not null,
            };
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
                    .SetProperty(i => i.EndReason, i => i.EndReason ?? EndReasons.Fit(reason)), ct);
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
            .SetProperty(i => i.EndReason, EndReasons.Fit(reason))
            .SetProperty(i => i.EndedAt, clock.GetUtcNow()), ct);
        var message = $"{pool.Provider} refused a {(market == CapacityMarket.Spot ? "spot" : "on-demand")} launch in pool {pool.Name}: {refusal.Code}: {refusal.Message}";
        foreach (var sweepId in sweepIds) SweepEvents.Add(db, sweepId, null, SweepEventKinds.LaunchFailed, message, clock);
        if (market == CapacityMarket.Spot && refusal.Kind is CapacityErrorKind.InsufficientCapacity or CapacityErrorKind.Quota)
        {
            pool.SpotFailures++;
            await db.CapacityPools.Where(p => p.Name == pool.Name).ExecuteUpdateAsync(s => s.SetProperty(p => p.SpotFailures, pool.SpotFailures), ct);
            if (pool.SpotFailures == pool.OnDemandAfterSpotFailures)
            {
                var fallback = $"{pool.SpotFailures} spot launches in a row failed (last: {refusal.Code}); pool {pool.Name} launches on-demand until it scales to zero, then tries spot again";
                foreach (var sweepId in sweepIds) SweepEvents.Add(db, sweepId, null, SweepEventKinds.SpotFallback, fallback, clock);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogWarning("{Message}", message);
    }
}
