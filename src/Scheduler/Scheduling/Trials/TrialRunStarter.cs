using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Sweeps;
using Tuner.Trainer;
using Tuner.Core.Sweeps;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Opens a run under a fresh lease: records where it resumes from and builds the trainer's spec. A trial that has lost
/// budget.max_lost_runs workers (the lease was taken over from a silent one) ends Failed instead: null.
/// </summary>
/// <remarks>The sweep's plan is taken before the trial row is locked: a large definition is never parsed under the lock.</remarks>
public sealed class TrialRunStarter(
    FencedTransaction fenced, SweepPlans plans, IDbContextFactory<TunerDbContext> contexts, CheckpointJanitor janitor, TimeProvider clock)
{
    public async Task<(TrialContext Context, TrialSpec Spec)?> StartAsync(TrialLease lease, WorkerIdentity worker, CancellationToken ct)
    {
        var plan = await PlanAsync(lease, ct);
        IReadOnlyList<Checkpoint> doomed = [];
        var started = await fenced.RunAsync<(TrialContext, TrialSpec)?>(lease, async (db, trial) =>
        {
            var lastLost = await LastLostRun.ReasonAsync(db, trial, ct);
            if (TrialLifecycle.Apply(trial, TrialEvent.Started, plan.TrialLimits, clock.GetUtcNow(), lastLost).To == TrialStatus.Failed)
            {
                doomed = await CheckpointRetention.ApplyAsync(db, trial, plan, ct);
                return null;
            }

            var resumeFrom = await db.Checkpoints.AsNoTracking()
                .Where(c => c.TrialId == trial.Id && c.State == CheckpointState.Live)
                .OrderByDescending(c => c.Epoch).ThenByDescending(c => c.Batch)
                .FirstOrDefaultAsync(ct);
            var run = new TrialRun
            {
                TrialId = trial.Id,
                WorkerId = worker.Id,
                LeaseToken = lease.Token,
                ResumedEpoch = resumeFrom?.Epoch ?? 0,
                ResumedBatch = resumeFrom?.Batch ?? 0,
                Outcome = TrialRunOutcome.Running,
                StartedAt = clock.GetUtcNow(),
            };
            db.TrialRuns.Add(run);
            await db.Workers.Where(w => w.Id == worker.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.CurrentTrialId, trial.Id), ct);
            await db.SaveChangesAsync(ct);

            var definition = plan.Definition;
            var settings = definition.Workload.Settings with { CheckpointEveryEpochs = definition.Checkpoints.EveryEpochs };
            var spec = new TrialSpec(definition.Workload.Kind, ParamsJson.Deserialize(trial.ParamsJson, plan.Space), settings, trial.Seed);
            return (new TrialContext(lease, trial.SweepId, run.Id, plan), spec);
        }, ct);
        await janitor.DeleteAsync(doomed, ct);
        return started;
    }

    private async Task<SweepPlan> PlanAsync(TrialLease lease, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sweepId = await db.Trials.Where(t => t.Id == lease.TrialId).Select(t => (long?)t.SweepId).SingleOrDefaultAsync(ct);
        var plan = sweepId is { } id ? await plans.LoadAsync(db, id, ct) : null;
        return plan ?? throw new LeaseLostException(lease);
    }
}
