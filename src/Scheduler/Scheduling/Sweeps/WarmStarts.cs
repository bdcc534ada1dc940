using Microsoft.EntityFrameworkCore;
using Tuner.Core.Definitions;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Events;
using Tuner.Scheduling.Orchestration;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>
/// A definition's <c>warm_start</c>: the best complete trials of an earlier sweep, carried into the new sweep's search
/// space (<see cref="AssignmentProjection"/>), become its first configurations (<see cref="QueuedConfiguration"/>,
/// evaluated before the sampler is asked). One <c>warm_start</c> sweep event says which were queued, what projecting
/// changed, and which were dropped and why: a changed space is handled, not refused.
/// </summary>
public sealed class WarmStarts(SweepPlans plans, TimeProvider clock)
{
    /// <summary>What is wrong with the definition's warm start against this database (the sweep it names is missing).</summary>
    public static async Task<string?> ProblemAsync(TunerDbContext db, SweepDefinition definition, CancellationToken ct) =>
        definition.WarmStart is { } warm && !await db.Sweeps.AnyAsync(s => s.Id == warm.FromSweep, ct)
            ? $"there is no sweep {warm.FromSweep} to start from"
            : null;

    /// <summary>Queues the warm start's configurations for <paramref name="sweep"/> (saved, so it has its id) in the caller's unit of work.</summary>
    public async Task QueueAsync(TunerDbContext db, Sweep sweep, SweepDefinition definition, CancellationToken ct)
    {
        if (definition.WarmStart is not { } warm) return;
        var source = await plans.LoadAsync(db, warm.FromSweep, ct);
        if (source is null)
        {
            SweepEvents.Add(db, sweep.Id, null, SweepEventKinds.WarmStart, $"warm start: there is no sweep {warm.FromSweep}; the sweep starts from its sampler alone", clock);
            return;
        }

        var space = SearchSpace.Create(definition.Space);
        var best = (await BestTrials.RankAsync(db, warm.FromSweep, source, ct)).Take(warm.Best).ToList();
        var trials = await db.Trials.AsNoTracking().Where(t => best.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var queued = new List<string>();
        var dropped = new List<string>();
        foreach (var trial in best.Select(id => trials[id]))
        {
            var projected = AssignmentProjection.Project(ParamsJson.Deserialize(trial.ParamsJson, source.Space), space);
            if (projected.Values is not { } values)
            {
                dropped.Add($"#{trial.Number} ({projected.Dropped})");
                continue;
            }

            db.QueuedConfigurations.Add(new QueuedConfiguration
            {
                SweepId = sweep.Id, ParamsJson = ParamsJson.Serialize(values), Source = $"warm start: sweep {warm.FromSweep} trial #{trial.Number}",
                CreatedAt = clock.GetUtcNow(),
            });
            queued.Add(projected.Changes.Count == 0 ? $"#{trial.Number}" : $"#{trial.Number} ({string.Join(", ", projected.Changes)})");
        }

        var message = $"warm start from sweep {warm.FromSweep}: queued {queued.Count} of its best {best.Count} trials first"
            + (queued.Count > 0 ? $": {string.Join(", ", queued)}" : "")
            + (dropped.Count > 0 ? $"; dropped {string.Join(", ", dropped)}" : "")
            + await PriorMessageAsync(db, warm, source, definition, ct);
        SweepEvents.Add(db, sweep.Id, null, SweepEventKinds.WarmStart, message, clock);
    }

    private static async Task<string> PriorMessageAsync(TunerDbContext db, WarmStartSection warm, Core.Sweeps.SweepPlan source, SweepDefinition definition, CancellationToken ct)
    {
        if (warm.PriorWeight is not { } weight) return "";
        var objective = $"{definition.Objective.Metric} ({definition.Objective.Direction.ToString().ToLowerInvariant()})";
        if (!PriorHistory.SameObjective(source, definition.Objective))
            return $"; it optimised {source.Metric} ({source.Direction.ToString().ToLowerInvariant()}), not {objective}, so its trials serve as no prior";
        var count = await db.Trials.CountAsync(t => t.SweepId == warm.FromSweep && t.Status == TrialStatus.Complete && t.Value != null, ct);
        return $"; its {count} complete trials (those that fit this search space) serve as the sampler's prior at weight {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
