using Microsoft.EntityFrameworkCore;
using Tuner.Core.Definitions;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Persistence;
using Tuner.Search;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>
/// A warm start's prior (<c>warm_start.prior_weight</c>): every complete trial of the earlier sweep, carried into this
/// sweep's search space (<see cref="AssignmentProjection"/>; those that cannot be are left out), as trials of weight
/// <c>prior_weight</c> (<see cref="FrozenTrial.Weight"/>) numbered below 0, so they come before the sweep's own in
/// trial order. None when the earlier sweep optimised another metric or direction: its values would mislead.
/// </summary>
public static class PriorHistory
{
    public static async Task<IReadOnlyList<FrozenTrial>> LoadAsync(TunerDbContext db, SweepPlans plans, SweepPlan plan, CancellationToken ct)
    {
        if (plan.Definition.WarmStart is not { PriorWeight: { } weight } warm) return [];
        var source = await plans.LoadAsync(db, warm.FromSweep, ct);
        if (source is null || !SameObjective(source, plan.Definition.Objective)) return [];

        var complete = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == warm.FromSweep && t.Status == TrialStatus.Complete && t.Value != null)
            .OrderBy(t => t.Number)
            .Select(t => new { t.ParamsJson, t.Value })
            .ToListAsync(ct);
        var prior = new List<FrozenTrial>(complete.Count);
        foreach (var trial in complete)
        {
            if (AssignmentProjection.Project(ParamsJson.Deserialize(trial.ParamsJson, source.Space), plan.Space).Values is not { } values) continue;
            prior.Add(new FrozenTrial(0, TrialState.Complete, values, new Dictionary<int, double>(), trial.Value) { Weight = weight });
        }

        return [.. prior.Select((t, i) => t with { Number = i - prior.Count })];
    }

    /// <summary>Whether the earlier sweep's values mean what this sweep's do: the same metric, the same direction.</summary>
    public static bool SameObjective(SweepPlan source, ObjectiveSection objective) =>
        source.Metric == objective.Metric && source.Direction == objective.Direction;
}
