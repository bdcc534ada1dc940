using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Persistence;
using Tuner.Scheduling.Events;

namespace Tuner.Scheduling.Sweeps;

/// <summary>What changing a sweep's max_trials did: its state after, whether the change was made, and why not.</summary>
/// <param name="Refusal">Why the new limit is refused (below the trials the sweep has); null when it is not.</param>
public sealed record TrialLimitChange(SweepState State, bool Changed, string? Refusal = null);

/// <summary>
/// Changes a sweep's budget.max_trials (PATCH /api/sweeps/{id}, `tuner budget --max-trials`): never below the trials
/// it has. Raising it on a Completed sweep continues it where it stopped, as Optuna's continued study does: the sweep is
/// Running again, and its sampler sees every trial so far. Cancelled (or cancelling) sweeps stay as they are.
/// </summary>
public sealed class SweepTrialLimits(IDbContextFactory<TunerDbContext> contexts, IJobQueue queue, TimeProvider clock)
{
    public async Task<TrialLimitChange?> SetLimitAsync(long sweepId, int maxTrials, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.LockSweepAsync(sweepId, ct);
        if (sweep is null) return null;
        if (sweep.State is SweepState.Cancelling or SweepState.Cancelled) return new TrialLimitChange(sweep.State, false);

        var trials = await db.Trials.CountAsync(t => t.SweepId == sweepId, ct);
        if (maxTrials < trials)
        {
            return new TrialLimitChange(sweep.State, false,
                $"max_trials cannot be below the {trials} trials sweep {sweepId} already has, but got {maxTrials}");
        }

        var before = sweep.MaxTrials;
        sweep.MaxTrials = maxTrials;
        var continues = sweep.State == SweepState.Completed && maxTrials > trials;
        if (continues)
        {
            sweep.State = SweepState.Running;
            sweep.FinishedAt = null;
            sweep.StopReason = null;
        }

        SweepEvents.Add(db, sweepId, null, SweepEventKinds.MaxTrialsChanged,
            $"max_trials changed from {before} to {maxTrials}{(continues ? ": the completed sweep continues where it stopped" : "")}", clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (sweep.State == SweepState.Running) queue.EnqueueOrchestration(sweepId);
        return new TrialLimitChange(sweep.State, true);
    }
}
