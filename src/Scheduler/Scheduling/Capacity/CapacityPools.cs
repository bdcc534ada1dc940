using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Capacity;

/// <summary>Creates or updates the pool a sweep's capacity section names; the latest sweep's settings win.</summary>
/// <remarks>The row is created with INSERT ... ON CONFLICT DO NOTHING, so sweeps submitted at the same time that name
/// the same new pool all succeed; each then updates the one row, the last to commit winning.</remarks>
public static class CapacityPools
{
    public static async Task<CapacityPool> UpsertAsync(TunerDbContext db, CapacitySection capacity, IReadOnlyDictionary<string, string> labels, DateTimeOffset now, CancellationToken ct)
    {
        var name = PoolNames.For(capacity);
        var instanceTypes = JsonSerializer.Serialize(capacity.InstanceTypes);
        var labelsJson = JsonSerializer.Serialize(labels);
        await db.Database.ExecuteSqlAsync(
            $$"""
            INSERT INTO tuner.capacity_pools (name, provider, instance_types_json, gpu_count, spot, max_instances, idle_timeout,
                spot_failures, on_demand_after_spot_failures, labels_json, last_busy_at, desired)
            VALUES ({{name}}, {{capacity.Provider}}, CAST({{instanceTypes}} AS jsonb), {{capacity.Gpus}}, {{capacity.Spot}},
                {{capacity.MaxInstances}}, {{capacity.IdleTimeout}}, 0, {{capacity.OnDemandAfterSpotFailures}},
                CAST({{labelsJson}} AS jsonb), {{now}}, 0)
            ON CONFLICT (name) DO NOTHING
            """,
            ct);
        var pool = await db.CapacityPools.SingleAsync(p => p.Name == name, ct);
        pool.InstanceTypesJson = instanceTypes;
        pool.GpuCount = capacity.Gpus;
        pool.Spot = capacity.Spot;
        pool.MaxInstances = capacity.MaxInstances;
        pool.IdleTimeout = capacity.IdleTimeout;
        pool.OnDemandAfterSpotFailures = capacity.OnDemandAfterSpotFailures;
        pool.LabelsJson = labelsJson;
        pool.SpotMarketPreemptionsPerHour = capacity.SpotMarket?.PreemptionsPerHour;
        pool.SpotMarketNotice = capacity.SpotMarket?.Notice;
        pool.LastBusyAt = now;
        return pool;
    }
}
