using Microsoft.EntityFrameworkCore;
using Tuner.Core.Capacity;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// The machines whose time the ledger has not fully attributed, with their spans and prices. A capacity instance runs
/// from its launch to its end: the end Tuner saw when Tuner terminated it, else (it vanished: preempted, or ended
/// outside Tuner) its last sign of life, the later of the provider listing it and its workers' heartbeats, marked
/// estimated. A worker with no capacity instance (started by hand) is a machine of its own, from its start to its stop
/// (or, lost, its last heartbeat), at the local price.
/// </summary>
internal static class LedgerMachines
{
    public static async Task<List<LedgerMachine>> OpenAsync(TunerDbContext db, CostSettings costs, CancellationToken ct)
    {
        var closed = db.LedgerMarks.Where(m => m.Closed).Select(m => m.Machine);
        var instances = await db.CapacityInstances.AsNoTracking()
            .Where(i => i.LaunchedAt != null && !closed.Contains("instance/" + i.Id))
            .ToListAsync(ct);
        var machines = new List<LedgerMachine>();
        foreach (var instance in instances)
        {
            machines.Add(await ForInstanceAsync(db, instance, costs, ct));
        }

        var workers = await db.Workers.AsNoTracking()
            .Where(w => (w.InstanceId == null || !db.CapacityInstances.Any(i => i.InstanceId == w.InstanceId)) && !closed.Contains("worker/" + w.Id))
            .ToListAsync(ct);
        machines.AddRange(workers.Select(w => ForWorker(w, costs)));
        return machines;
    }

    private static async Task<LedgerMachine> ForInstanceAsync(TunerDbContext db, CapacityInstance instance, CostSettings costs, CancellationToken ct)
    {
        var price = MachinePricing.For(instance.Provider, instance.Zone, instance.InstanceType, instance.Market, instance.HourlyPriceUsd, costs.Catalogue, costs.Local);
        DateTimeOffset? end = null;
        var estimated = false;
        if (instance.State == CapacityInstanceState.Ended)
        {
            end = instance.EndedAt ?? instance.LastSeenAt ?? instance.LaunchedAt!.Value;
            if (instance.TerminateRequestedAt is null)
            {
                var heartbeat = await db.Workers.Where(w => w.InstanceId == instance.InstanceId).MaxAsync(w => (DateTimeOffset?)w.LastHeartbeatAt, ct);
                var lastSign = new[] { instance.LastSeenAt, heartbeat, instance.LaunchedAt }.Max()!.Value;
                end = lastSign < end ? lastSign : end;
                estimated = true;
            }
        }

        return new LedgerMachine(
            LedgerMachine.InstanceKey(instance.Id), instance.Pool, instance.InstanceId, null, instance.LaunchedAt!.Value, end, estimated,
            instance.SweepId, instance.Market, price);
    }

    private static LedgerMachine ForWorker(Worker worker, CostSettings costs)
    {
        var price = MachinePricing.For(PoolNames.Local, null, null, CapacityMarket.OnDemand, null, costs.Catalogue, costs.Local);
        var (end, estimated) = worker.StoppedAt is { } stopped
            ? ((DateTimeOffset?)stopped, false)
            : worker.State == WorkerState.Lost ? (worker.LastHeartbeatAt, true) : (null, false);
        return new LedgerMachine(LedgerMachine.WorkerKey(worker.Id), worker.Queue, null, [worker.Id], worker.StartedAt, end, estimated, null, CapacityMarket.OnDemand, price);
    }
}
