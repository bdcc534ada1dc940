using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Core.Queueing;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Events;
using Tuner.Scheduling.Sweeps;
using Tuner.Core.Sweeps;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Requeues trials whose worker is gone, to resume elsewhere from their last checkpoint: leases that expired (the worker
/// stopped heartbeating), or leases held by workers on a machine the provider says no longer exists. A vanished machine
/// counts as a preemption; a worker gone silent on a machine still there counts as a lost run, and a trial at its
/// sweep's budget.max_lost_runs ends Failed: <see cref="TrialLifecycle"/> decides.
/// </summary>
public sealed class ExpiredLeases(
    IDbContextFactory<TunerDbContext> contexts,
    SweepPlans plans,
    IJobQueue queue,
    CheckpointJanitor janitor,
    TimeProvider clock,
    ILogger<ExpiredLeases> logger)
{
    private static readonly CapacityInstanceState[] GoneStates = [CapacityInstanceState.Terminating, CapacityInstanceState.Ended];

    /// <summary>The stored name of <see cref="TrialStatus.Running"/>, as a query parameter.</summary>
    private static readonly string Running = nameof(TrialStatus.Running);

    /// <summary>Ends the leases of every worker that ran on the instance at once (it cannot heartbeat any more), and requeues.</summary>
    public async Task RevokeForInstanceAsync(string instanceId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE tuner.trials SET lease_expires_at = now() - interval '1 millisecond'
                 WHERE status = {Running}
                   AND lease_owner IN (SELECT id FROM tuner.workers WHERE instance_id = {instanceId})
                """, ct);
        }

        await RequeueAsync(ct);
    }

    public async Task RequeueAsync(CancellationToken ct)
    {
        List<long> requeued = [];
        List<Checkpoint> doomed = [];
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // The sweeps' plans (for budget.max_lost_runs) are taken before the rows are locked: never parsed under a lock.
            var plansBySweep = await PlansOfExpiredAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var expired = await db.Trials
                .FromSql($"SELECT * FROM tuner.trials WHERE status = {Running} AND lease_expires_at < now() ORDER BY id FOR UPDATE")
                .ToListAsync(ct);
            if (expired.Count == 0)
            {
                return;
            }

            var owners = expired.Select(t => t.LeaseOwner).OfType<string>().ToList();
            var goneMachines = await db.Workers.AsNoTracking()
                .Where(w => owners.Contains(w.Id) && db.CapacityInstances.Any(i => i.InstanceId == w.InstanceId && GoneStates.Contains(i.State)))
                .Select(w => new { w.Id, w.InstanceId }).ToDictionaryAsync(w => w.Id, w => w.InstanceId, ct);
            var trialIds = expired.Select(t => t.Id).ToList();
            var runs = await db.TrialRuns.Where(r => trialIds.Contains(r.TrialId) && r.Outcome == TrialRunOutcome.Running).ToListAsync(ct);
            foreach (var trial in expired)
            {
                var machineGone = trial.LeaseOwner is { } owner && goneMachines.TryGetValue(owner, out var instance) ? instance : null;
                var trialEvent = machineGone is null ? TrialEvent.WorkerLost : TrialEvent.MachineGone;
                var now = clock.GetUtcNow();
                var open = runs.Where(r => r.TrialId == trial.Id).ToList();
                foreach (var run in open)
                {
                    var reason = machineGone is null ? LostRunReasons.Silent(run) : LostRunReasons.MachineGone(machineGone);
                    TrialLifecycle.EndRun(run, TrialLifecycle.Of(trialEvent).RunEnds!.Value, now, reason);
                }

                if (open.Count == 0 && trial.LeaseOwner is { } silentOwner
                    && !await db.TrialRuns.AnyAsync(r => r.TrialId == trial.Id && r.LeaseToken == trial.LeaseToken, ct))
                {
                    // Killed between taking the lease and opening its run: a zero-length run shows what was counted. It
                    // "resumed" where the trial stood, its latest live checkpoint, as the run it never opened would have.
                    var latest = await db.Checkpoints.AsNoTracking()
                        .Where(c => c.TrialId == trial.Id && c.State == CheckpointState.Live)
                        .OrderByDescending(c => c.Epoch).ThenByDescending(c => c.Batch)
                        .FirstOrDefaultAsync(ct);
                    var unopened = new TrialRun
                    {
                        TrialId = trial.Id, WorkerId = silentOwner, LeaseToken = trial.LeaseToken, StartedAt = now,
                        ResumedEpoch = latest?.Epoch ?? 0, ResumedBatch = latest?.Batch ?? 0,
                    };
                    TrialLifecycle.EndRun(unopened, TrialLifecycle.Of(trialEvent).RunEnds!.Value, now,
                        machineGone is null ? LostRunReasons.SilentBeforeRun(silentOwner) : LostRunReasons.MachineGone(machineGone));
                    db.TrialRuns.Add(unopened);
                }

                await db.SaveChangesAsync(ct);
                var plan = await PlanOfAsync(db, trial, plansBySweep, ct);
                // The run just ended, saved above, is the trial's last lost run.
                var lostReason = await LastLostRun.ReasonAsync(db, trial, ct);
                var step = TrialLifecycle.Apply(trial, trialEvent, plan.TrialLimits, now, lostReason);
                var lastReason = lostReason ?? LostRunReasons.Unrecorded;
                if (step.HandedBack)
                {
                    requeued.Add(trial.Id);
                    SweepEvents.Add(db, trial.SweepId, trial.Id, SweepEventKinds.RunLost,
                        RunEventMessages.LostAndRequeued(trial.Number, trial.Id, lastReason), clock);
                }
                else
                {
                    logger.LogWarning("Trial {TrialId} failed: {Error}", trial.Id, trial.Error);
                    SweepEvents.Add(db, trial.SweepId, trial.Id, SweepEventKinds.RunLost,
                        RunEventMessages.LostAndFailed(trial.Number, trial.Id, lastReason, trial.Error), clock);
                    doomed.AddRange(await CheckpointRetention.ApplyAsync(db, trial, plan, ct));
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await janitor.DeleteAsync(doomed, ct);
        foreach (var trialId in requeued)
        {
            logger.LogWarning("Trial {TrialId}: its worker is gone; requeued to resume from its last checkpoint", trialId);
            await queue.EnqueueTrialAsync(trialId, ct);
        }
    }

    private async Task<Dictionary<long, SweepPlan>> PlansOfExpiredAsync(TunerDbContext db, CancellationToken ct)
    {
        var sweepIds = await db.Database.SqlQuery<long>(
            $"SELECT DISTINCT sweep_id AS \"Value\" FROM tuner.trials WHERE status = {Running} AND lease_expires_at < now()").ToListAsync(ct);
        var loaded = new Dictionary<long, SweepPlan>();
        foreach (var sweepId in sweepIds)
        {
            if (await plans.LoadAsync(db, sweepId, ct) is { } plan) loaded[sweepId] = plan;
        }

        return loaded;
    }

    /// <summary>A lease that expired between the two queries: its plan is almost always cached already.</summary>
    private async Task<SweepPlan> PlanOfAsync(TunerDbContext db, Trial trial, Dictionary<long, SweepPlan> plansBySweep, CancellationToken ct) =>
        plansBySweep.GetValueOrDefault(trial.SweepId) ?? await plans.LoadAsync(db, trial.SweepId, ct)
            ?? throw new InvalidOperationException($"sweep {trial.SweepId} of trial {trial.Id} is gone");
}
