using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Core.Queueing;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Trials;
using Tuner.Search;
using Tuner.Search.Samplers;
using Tuner.Core.Sweeps;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduling.Orchestration;

/// <summary>
/// One pass over one sweep, serialized by a lock on the sweep's row: stop it when cancelled or past its deadline,
/// otherwise ask the sampler for new trials until `parallelism` are in flight or `max_trials` exist, finish it when the
/// last trial ends, and keep its best trial current. Safe to run any number of times.
/// A pass asks for at most <see cref="AsksPerPass"/> trials and enqueues another pass when more are due, so the row
/// lock is held for a bounded time whatever the budget, and a cancel waits for one batch at most. The plan (the parsed
/// definition) is taken before the lock.
/// </summary>
public sealed class SweepOrchestrator(
    IDbContextFactory<TunerDbContext> contexts,
    SweepPlans plans,
    IJobQueue queue,
    CheckpointJanitor janitor,
    TunerMetrics metrics,
    TimeProvider clock,
    ILogger<SweepOrchestrator> logger)
{
    /// <summary>Trials one pass asks the sampler for, at most.</summary>
    public const int AsksPerPass = 32;

    public async Task OrchestrateAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await plans.LoadAsync(db, sweepId, ct);
        if (plan is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.LockSweepAsync(sweepId, ct);
        if (sweep is null || sweep.State is SweepState.Completed or SweepState.Cancelled)
        {
            return;
        }

        if (sweep.State == SweepState.Running && sweep.Deadline is { } deadline && clock.GetUtcNow() >= deadline)
        {
            sweep.State = SweepState.Cancelling;
            sweep.StopReason = StopReasons.DeadlineReached;
        }

        // A pass reads counts and the live trials, never every trial of the sweep: passes run once per trial, and a sweep
        // may have tens of thousands. Stopping locks the live trials: a worker taking a lease (Waiting → Running) must not
        // race a cancel that finishes it. Filling needs no trial lock: trials are created only under the sweep's lock, and
        // outside it a trial can only stop being live, so a pass may leave a slot for the next pass but never overfills.
        var created = new List<Trial>();
        var doomed = new List<Checkpoint>();
        if (sweep.State == SweepState.Cancelling)
        {
            var live = await db.Trials
                .FromSql($"SELECT * FROM tuner.trials WHERE sweep_id = {sweepId} AND status IN ({Waiting}, {Running}) ORDER BY number FOR UPDATE")
                .ToListAsync(ct);
            doomed.AddRange(await StopAsync(db, sweep, live, plan, ct));
        }
        else
        {
            var total = await db.Trials.CountAsync(t => t.SweepId == sweepId, ct);
            var live = await db.Trials.CountAsync(t => t.SweepId == sweepId && (t.Status == TrialStatus.Waiting || t.Status == TrialStatus.Running), ct);
            // A sweep paused by its budget starts nothing new; it completes if nothing is left to do.
            if (sweep.State == SweepState.Running) created.AddRange(await FillAsync(db, sweep, total, live, plan, ct));
            if (total + created.Count >= sweep.MaxTrials && live + created.Count == 0)
            {
                sweep.State = SweepState.Completed;
                sweep.FinishedAt = clock.GetUtcNow();
                sweep.StopReason ??= StopReasons.MaxTrialsReached;
                logger.LogInformation("Sweep {SweepId} completed", sweep.Id);
            }
        }

        var ranked = await BestTrials.RankAsync(db, sweepId, plan, ct);
        sweep.BestTrialId = ranked.Count > 0 ? ranked[0] : null;
        doomed.AddRange(await BestTrials.ReleaseBeyondKeepBestAsync(db, ranked, plan, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await janitor.DeleteAsync(doomed, ct);
        foreach (var trial in created)
        {
            await queue.EnqueueTrialAsync(trial.Id, ct);
        }

        if (created.Count == AsksPerPass && sweep.State == SweepState.Running)
        {
            // The batch was full: more trials may be due. The next pass takes the lock afresh, after any waiting cancel.
            queue.EnqueueOrchestration(sweep.Id);
        }
    }

    /// <summary>Makes trials while fewer than `parallelism` of the sweep's <paramref name="total"/> trials are
    /// <paramref name="live"/> and fewer than `max_trials` exist, numbered on from the last: first from its queued
    /// configurations (<see cref="ConfigurationQueue"/>), oldest first, then from the sampler.</summary>
    private async Task<List<Trial>> FillAsync(TunerDbContext db, Sweep sweep, int total, int live, SweepPlan plan, CancellationToken ct)
    {
        var created = new List<Trial>();
        if (live >= sweep.Parallelism || total >= sweep.MaxTrials)
        {
            return created;
        }

        // A warm start's prior (earlier trials of a lower weight) comes first, then the sweep's own trials.
        var history = plan.Sampler.ReadsHistory
            ? [.. await PriorHistory.LoadAsync(db, plans, plan, ct), .. await TrialHistory.LoadAsync(db, sweep.Id, plan.Space, ct)]
            : new List<FrozenTrial>();
        var queued = new Queue<QueuedConfiguration>(await ConfigurationQueue.NextAsync(db, sweep.Id, AsksPerPass, ct));
        while (live < sweep.Parallelism && total < sweep.MaxTrials && created.Count < AsksPerPass)
        {
            var number = total;
            var next = queued.TryDequeue(out var configuration) ? configuration : null;
            IReadOnlyDictionary<string, object> parameters;
            if (next is not null)
            {
                parameters = ParamsJson.Deserialize(next.ParamsJson, plan.Space);
            }
            else
            {
                var asked = clock.GetTimestamp();
                parameters = plan.Sampler.Sample(new SamplingContext(plan.Space, plan.Direction, history, number));
                metrics.SamplerAsked(plan.Definition.Sampler.Kind, clock.GetElapsedTime(asked));
            }

            var trial = new Trial
            {
                SweepId = sweep.Id,
                Number = number,
                Status = TrialStatus.Waiting,
                ParamsJson = ParamsJson.Serialize(parameters),
                Seed = plan.TrialSeed(number),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Trials.Add(trial);
            if (next is not null) next.Trial = trial;
            total++;
            created.Add(trial);
            history.Add(new FrozenTrial(number, TrialState.Waiting, parameters, new Dictionary<int, double>(), null));
            live++;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sweep {SweepId}: created trials {Numbers}", sweep.Id, string.Join(", ", created.Select(t => t.Number)));
        return created;
    }

    /// <summary>Cancels waiting trials, asks running ones to stop, and ends the sweep once none runs.</summary>
    private async Task<List<Checkpoint>> StopAsync(TunerDbContext db, Sweep sweep, List<Trial> trials, SweepPlan plan, CancellationToken ct)
    {
        var doomed = new List<Checkpoint>();
        foreach (var trial in trials.Where(t => t.Status == TrialStatus.Waiting))
        {
            TrialLifecycle.Apply(trial, TrialEvent.Withdrawn, plan.TrialLimits, clock.GetUtcNow(), StopReasons.ForTrial(sweep.StopReason));
            doomed.AddRange(await CheckpointRetention.ApplyAsync(db, trial, plan, ct));
        }

        foreach (var trial in trials.Where(t => t.Status == TrialStatus.Running))
        {
            trial.CancelRequested = true;
        }

        if (trials.All(t => t.Status != TrialStatus.Running))
        {
            sweep.State = SweepState.Cancelled;
            sweep.FinishedAt = clock.GetUtcNow();
        }

        return doomed;
    }

    /// <summary>The stored names of the live states, as query parameters.</summary>
    private static readonly string Waiting = nameof(TrialStatus.Waiting), Running = nameof(TrialStatus.Running);
}
