using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Definitions;

namespace Tuner.Scheduler.Capacity;

/// <summary>Creates or updates the pool a sweep's capacity section names; the latest sweep's settings win.</summary>
public static class CapacityPools
{
    public static async Task<CapacityPool> UpsertAsync(TunerDbContext db, CapacitySection capacity, IReadOnlyDictionary<string, string> labels, DateTimeOffset now, CancellationToken ct)
    {
        var name = PoolNames.For(capacity);
        var pool = await db.CapacityPools.SingleOrDefaultAsync(p => p.Name == name, ct);
        if (pool is null)
        {
            pool = new CapacityPool { Name = name, Provider = capacity.Provider, InstanceTypesJson = "[]", LabelsJson = "{}", LastBusyAt = now };
            db.CapacityPools.Add(pool);
        }

        pool.InstanceTypesJson = JsonSerializer.Serialize(capacity.InstanceTypes);
        pool.GpuCount = capacity.Gpus;
        pool.Spot = capacity.Spot;
        pool.MaxInstances = capacity.MaxInstances;
        pool.IdleTimeout = capacity.IdleTimeout;
        pool.OnDemandAfterSpotFailures = capacity.OnDemandAfterSpotFailures;
        pool.LabelsJson = JsonSerializer.Serialize(labels);
        pool.SpotMarketPreemptionsPerHour = capacity.SpotMarket?.PreemptionsPerHour;
        pool.SpotMarketNotice = capacity.SpotMarket?.Notice;
        pool.LastBusyAt = now;
        return pool;
    }
}
