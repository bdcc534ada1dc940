using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduling.Models;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Search;

namespace Tuner.Scheduling.Orchestration;

/// <summary>A sweep's complete trials ranked by their value, and which of them keep a checkpoint.</summary>
internal static class BestTrials
{
    /// <summary>The ids of the sweep's complete trials that have a value, best first by the objective
    /// (<see cref="ObjectiveOrder.BestFirst"/>: the lower trial number first on a tie). Reads three columns of those
    /// trials only, untracked: an orchestration pass runs once per trial.</summary>
    public static async Task<List<long>> RankAsync(TunerDbContext db, long sweepId, SweepPlan plan, CancellationToken ct)
    {
        var complete = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId && t.Status == TrialStatus.Complete && t.Value != null)
            .Select(t => new { t.Id, t.Number, t.Value })
            .ToListAsync(ct);
        return complete.BestFirst(plan.Direction, t => t.Value, t => t.Number).Select(t => t.Id).ToList();
    }

    /// <summary>`checkpoints.keep_best`: only the sweep's best N complete trials keep their best checkpoint (and a model's
    /// champion or previous champion, wherever it ranks).</summary>
    public static async Task<List<Checkpoint>> ReleaseBeyondKeepBestAsync(
        TunerDbContext db, List<long> ranked, SweepPlan plan, CancellationToken ct)
    {
        var beyond = ranked.Skip(plan.Definition.Checkpoints.KeepBest).ToList();
        if (beyond.Count == 0)
        {
            return [];
        }

        var released = await ChampionCheckpoints.SpareAsync(db, await db.Checkpoints
            .Where(c => beyond.Contains(c.TrialId) && c.State == CheckpointState.Live)
            .ToListAsync(ct), ct);
        released.ForEach(c => c.State = CheckpointState.Deleting);
        return released;
    }
}
