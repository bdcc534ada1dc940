using Tuner.Search;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Decides which of a trial's checkpoints to keep, inside the transaction that changes the trial, by marking the rest
/// Deleting; <see cref="CheckpointJanitor"/> removes the objects after the commit. Live trials keep their latest
/// checkpoint (to resume) and their best one so far; complete trials keep only their best (and the orchestrator keeps
/// that only for the sweep's `keep_best` best trials); pruned, failed and cancelled trials keep nothing.
/// </summary>
public static class CheckpointRetention
{
    public static async Task<IReadOnlyList<Checkpoint>> ApplyAsync(
        TunerDbContext db, Trial trial, SweepPlan plan, CancellationToken ct)
    {
        var live = await db.Checkpoints
            .Where(c => c.TrialId == trial.Id && c.State == CheckpointState.Live)
            .ToListAsync(ct);
        var keep = new HashSet<long>();
        if (trial.Status is TrialStatus.Running or TrialStatus.Waiting)
        {
            var latest = live.MaxBy(c => (c.Epoch, c.Batch));
            if (latest is not null)
            {
                keep.Add(latest.Id);
            }
        }

        if (trial.Status is TrialStatus.Running or TrialStatus.Waiting or TrialStatus.Complete)
        {
            var best = await BestAsync(db, trial.Id, live, plan, ct);
            if (best is not null)
            {
                keep.Add(best.Id);
            }
        }

        var doomed = live.Where(c => !keep.Contains(c.Id)).ToList();
        foreach (var checkpoint in doomed)
        {
            checkpoint.State = CheckpointState.Deleting;
        }

        return doomed;
    }

    /// <summary>The epoch-boundary checkpoint whose epoch reported the best objective value.</summary>
    public static async Task<Checkpoint?> BestAsync(
        TunerDbContext db, long trialId, IReadOnlyList<Checkpoint> candidates, SweepPlan plan, CancellationToken ct)
    {
        var values = await db.TrialReports.Where(r => r.TrialId == trialId)
            .ToDictionaryAsync(r => r.Epoch, r => r.Value, ct);
        Checkpoint? best = null;
        double? bestValue = null;
        foreach (var checkpoint in candidates.Where(c => c.Batch == 0).OrderBy(c => c.Epoch))
        {
            if (values.TryGetValue(checkpoint.Epoch, out var value) && plan.Direction.IsBetter(value, bestValue))
            {
                best = checkpoint;
                bestValue = value;
            }
        }

        return best;
    }
}
