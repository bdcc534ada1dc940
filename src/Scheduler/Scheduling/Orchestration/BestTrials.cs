using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;
using Tuner.Core.Trials;
using Tuner.Core.Sweeps;

namespace Tuner.Scheduling.Orchestration;

/// <summary>A sweep's complete trials ranked by their value, and which of them keep a checkpoint.</summary>
internal static class BestTrials
{
    /// <summary>Complete trials, best first (<see cref="TrialRanking"/>).</summary>
    public static List<Trial> Rank(List<Trial> trials, SweepPlan plan) => TrialRanking.BestFirst(trials, plan.Direction);

    /// <summary>`checkpoints.keep_best`: only the sweep's best N complete trials keep their best checkpoint.</summary>
    public static async Task<List<Checkpoint>> ReleaseBeyondKeepBestAsync(
        TunerDbContext db, List<Trial> ranked, SweepPlan plan, CancellationToken ct)
    {
        var beyond = ranked.Skip(plan.Definition.Checkpoints.KeepBest).Select(t => t.Id).ToList();
        if (beyond.Count == 0)
        {
            return [];
        }

        var released = await db.Checkpoints
            .Where(c => beyond.Contains(c.TrialId) && c.State == CheckpointState.Live)
            .ToListAsync(ct);
        released.ForEach(c => c.State = CheckpointState.Deleting);
        return released;
    }
}
