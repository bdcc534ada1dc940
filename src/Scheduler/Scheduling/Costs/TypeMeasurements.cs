using Microsoft.EntityFrameworkCore;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Costs;

/// <summary>What sweeps' runs trained on each machine type and what it cost: their training lines in the ledger on
/// capacity instances, grouped by the instance's type, and the epochs those runs trained.</summary>
public static class TypeMeasurements
{
    public static async Task<List<TypeMeasurement>> ForAsync(TunerDbContext db, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        var perRun = await db.CostEntries
            .Where(e => e.Kind == CostKind.Training && e.SweepId != null && sweepIds.Contains(e.SweepId.Value) && e.TrialRunId != null)
            .Join(db.CapacityInstances, e => e.Machine, i => "instance/" + i.Id, (e, i) => new { i.InstanceType, e.TrialRunId, e.Seconds, e.Usd })
            .Where(x => x.InstanceType != null)
            .GroupBy(x => new { x.InstanceType, x.TrialRunId })
            .Select(g => new { g.Key.InstanceType, g.Key.TrialRunId, Seconds = g.Sum(x => x.Seconds), Usd = g.Sum(x => x.Usd) })
            .ToListAsync(ct);
        var runIds = perRun.Select(r => r.TrialRunId!.Value).Distinct().ToList();
        var epochs = await db.TrialRuns.Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.EpochsTrained, ct);
        return [.. perRun.GroupBy(r => r.InstanceType!)
            .Select(g => new TypeMeasurement(g.Key, g.Sum(r => epochs.GetValueOrDefault(r.TrialRunId!.Value)), g.Sum(r => r.Seconds), g.Sum(r => r.Usd)))
            .OrderBy(m => m.InstanceType)];
    }
}
