using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Core.Events;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Records, in the caller's (fenced) transaction, that a resume skipped checkpoints: each becomes
/// <see cref="CheckpointState.Unusable"/> with its problem, and the sweep gets a "checkpoint_fallback" event for the
/// trial saying what the trial resumes from instead; the run's ResumedEpoch/ResumedBatch (recorded when the run opened,
/// from the newest Live row) are corrected to the checkpoint actually used. Retention only ever looks at Live rows, so an Unusable checkpoint
/// is neither kept as the latest nor counted as the best.
/// </summary>
public static class CheckpointFallback
{
    /// <summary>Marks the checkpoints, adds the events and corrects run <paramref name="runId"/>; returns the rows marked.</summary>
    public static async Task<IReadOnlyList<Checkpoint>> RecordAsync(
        TunerDbContext db, long sweepId, long trialId, long runId, IReadOnlyList<UnusableCheckpoint> unusable,
        Checkpoint? resumedFrom, TimeProvider clock, CancellationToken ct)
    {
        var run = await db.TrialRuns.SingleAsync(r => r.Id == runId, ct);
        run.ResumedEpoch = resumedFrom?.Epoch ?? 0;
        run.ResumedBatch = resumedFrom?.Batch ?? 0;
        var ids = unusable.Select(u => u.Checkpoint.Id).ToList();
        var rows = await db.Checkpoints.Where(c => ids.Contains(c.Id) && c.State == CheckpointState.Live).ToListAsync(ct);
        var outcome = resumedFrom is null
            ? "no usable checkpoint left: starting from scratch"
            : $"resuming from epoch {resumedFrom.Epoch} batch {resumedFrom.Batch}";
        foreach (var row in rows)
        {
            var problem = unusable.Single(u => u.Checkpoint.Id == row.Id).Problem;
            row.State = CheckpointState.Unusable;
            row.Problem = problem;
            SweepEvents.Add(db, sweepId, trialId, SweepEventKinds.CheckpointFallback,
                $"checkpoint at epoch {row.Epoch} batch {row.Batch} is unusable ({problem}); {outcome}", clock);
        }

        return rows;
    }
}
