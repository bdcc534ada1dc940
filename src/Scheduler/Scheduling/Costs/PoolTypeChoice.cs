using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// The autoscaler's right-sizing: the order in which a pool asks for its machine types, from the cost per epoch that
/// the sweeps waiting on it measured on each (<see cref="RightSizing"/>), against the first sweep's deadline and the
/// work it has left.
/// </summary>
public sealed class PoolTypeChoice(IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, TimeProvider clock)
{
    public async Task<TypeChoice> ChooseAsync(CapacityPool pool, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        var types = JsonSerializer.Deserialize<List<string>>(pool.InstanceTypesJson) ?? [];
        if (types.Count < 2 || sweepIds.Count == 0) return new TypeChoice(types, null);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var measured = await TypeMeasurements.ForAsync(db, sweepIds, ct);
        if (measured.Count == 0) return new TypeChoice(types, null);

        var sweep = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweepIds[0], ct);
        var maxEpochs = (await plans.ForAsync(sweep, ct)).Definition.Workload.MaxEpochs;
        var finished = await db.Trials.Where(t => t.SweepId == sweep.Id && t.Status != TrialStatus.Waiting && t.Status != TrialStatus.Running)
            .Select(t => t.LastEpoch).ToListAsync(ct);
        var epochsPerTrial = finished.Count > 0 ? finished.Average() : maxEpochs;
        var remaining = Math.Max(0, sweep.MaxTrials - finished.Count) * epochsPerTrial;
        TimeSpan? timeLeft = sweep.Deadline is { } deadline ? deadline - clock.GetUtcNow() : null;
        return RightSizing.Choose(types, measured, timeLeft, remaining, pool.MaxInstances);
    }
}
