using Microsoft.EntityFrameworkCore;
using Tuner.Core.Checkpoints;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Persistence;
using Tuner.Scheduling.Models;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Applies <see cref="CheckpointRetentionRule"/> inside the transaction that changes the trial, by marking the
/// checkpoints it does not keep Deleting (never a model's champion's or previous champion's: <see cref="ChampionCheckpoints"/>); <see cref="CheckpointJanitor"/> removes the objects after the commit.
/// </summary>
public static class CheckpointRetention
{
    public static async Task<IReadOnlyList<Checkpoint>> ApplyAsync(
        TunerDbContext db, Trial trial, SweepPlan plan, CancellationToken ct)
    {
        var live = await db.Checkpoints
            .Where(c => c.TrialId == trial.Id && c.State == CheckpointState.Live)
            .ToListAsync(ct);
        var values = CheckpointRetentionRule.KeepsBest(trial.Status) && live.Count > 0
            ? await db.TrialReports.Where(r => r.TrialId == trial.Id).ToDictionaryAsync(r => r.Epoch, r => r.Value, ct)
            : [];
        var doomed = await ChampionCheckpoints.SpareAsync(db, CheckpointRetentionRule.Doomed(trial.Status, live, values, plan.Direction), ct);
        foreach (var checkpoint in doomed)
        {
            checkpoint.State = CheckpointState.Deleting;
        }

        return doomed;
    }
}
