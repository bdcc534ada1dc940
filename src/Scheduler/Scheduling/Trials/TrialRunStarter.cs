using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Sweeps;
using Tuner.Trainer;
using Tuner.Workloads;
using Tuner.Core.Sweeps;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Opens a run under a fresh lease: records where it resumes from and builds the trainer's spec. A trial that has lost
/// budget.max_lost_runs workers (the lease was taken over from a silent one) ends Failed instead: null. So does a trial
/// whose sweep's definition does not read on this worker (its plugin does not load here): the run is recorded and
/// ends Failed with the reason, since no worker like this one could train it.
/// </summary>
/// <remarks>The sweep's plan is taken before the trial row is locked: a large definition is never parsed under the lock.</remarks>
public sealed class TrialRunStarter(
    FencedTransaction fenced, SweepPlans plans, IDbContextFactory<TunerDbContext> contexts, CheckpointJanitor janitor, TimeProvider clock)
{
    public async Task<(TrialContext Context, TrialSpec Spec)?> StartAsync(TrialLease lease, WorkerIdentity worker, CancellationToken ct)
    {
        SweepPlan plan;
        try
        {
            plan = await PlanAsync(lease, ct);
        }
        catch (SweepPlanException e)
        {
            await FailUnreadableAsync(lease, worker, e.Message, ct);
            return null;
        }

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
            var run = await OpenRunAsync(db, trial, lease, worker, resumeFrom, ct);
            var workload = plan.Definition.Workload;
            var spec = new TrialSpec(
                workload.Name, ParamsJson.Deserialize(trial.ParamsJson, plan.Space), workload.Options, workload.MaxEpochs, trial.Seed);
            return (new TrialContext(lease, trial.SweepId, run.Id, plan), spec);
        }, ct);
        await janitor.DeleteAsync(doomed, ct);
        return started;
    }

    private async Task FailUnreadableAsync(TrialLease lease, WorkerIdentity worker, string reason, CancellationToken ct)
    {
        await fenced.RunAsync<bool>(lease, async (db, trial) =>
        {
            var once = new TrialLimits(MaxAttempts: 1, MaxLostRuns: int.MaxValue);
            TrialLifecycle.Apply(trial, TrialEvent.Started, once, clock.GetUtcNow());
            var run = await OpenRunAsync(db, trial, lease, worker, resumeFrom: null, ct);
            var step = TrialLifecycle.Apply(trial, TrialEvent.Failed, once, clock.GetUtcNow(), reason);
            TrialLifecycle.EndRun(run, step.RunEnds!.Value, clock.GetUtcNow(), reason);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    private async Task<TrialRun> OpenRunAsync(
        TunerDbContext db, Trial trial, TrialLease lease, WorkerIdentity worker, Checkpoint? resumeFrom, CancellationToken ct)
    {
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
        return run;
    }

    private async Task<SweepPlan> PlanAsync(TrialLease lease, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sweepId = await db.Trials.Where(t => t.Id == lease.TrialId).Select(t => (long?)t.SweepId).SingleOrDefaultAsync(ct);
        var plan = sweepId is { } id ? await plans.LoadAsync(db, id, ct) : null;
        return plan ?? throw new LeaseLostException(lease);
    }
}
