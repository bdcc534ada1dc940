using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Checkpoints;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Queueing;
using Tuner.Scheduler.Sweeps;
using Tuner.Scheduler.Trials;
using Tuner.Search;
using Tuner.Search.Samplers;

namespace Tuner.Scheduler.Orchestration;

/// <summary>
/// One pass over one sweep, serialized by a lock on the sweep's row: stop it when cancelled or past its deadline,
/// otherwise ask the sampler for new trials until `parallelism` are in flight or `max_trials` exist, finish it when the
/// last trial ends, and keep its best trial current. Safe to run any number of times.
/// </summary>
public sealed class SweepOrchestrator(
    IDbContextFactory<TunerDbContext> contexts,
    SweepPlans plans,
    JobQueue queue,
    CheckpointJanitor janitor,
    TimeProvider clock,
    ILogger<SweepOrchestrator> logger)
{
    public async Task OrchestrateAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.Sweeps.FromSql($"SELECT * FROM tuner.sweeps WHERE id = {sweepId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (sweep is null || sweep.State is SweepState.Completed or SweepState.Cancelled)
        {
            return;
        }

        var plan = plans.For(sweep.Id, sweep.DefinitionText);
        // Lock the trials too: a worker taking a lease (Waiting → Running) must not race a cancel that finishes it.
        var trials = await db.Trials.FromSql($"SELECT * FROM tuner.trials WHERE sweep_id = {sweepId} ORDER BY number FOR UPDATE")
            .ToListAsync(ct);
        if (sweep.State == SweepState.Running && sweep.Deadline is { } deadline && clock.GetUtcNow() >= deadline)
        {
            sweep.State = SweepState.Cancelling;
            sweep.StopReason = "deadline reached";
        }

        var created = new List<Trial>();
        var doomed = new List<Checkpoint>();
        if (sweep.State == SweepState.Cancelling)
        {
            doomed.AddRange(await StopAsync(db, sweep, trials, plan, ct));
        }
        else
        {
            created.AddRange(await FillAsync(db, sweep, trials, plan, ct));
            if (trials.Count >= sweep.MaxTrials && trials.All(t => !IsLive(t)))
            {
                sweep.State = SweepState.Completed;
                sweep.FinishedAt = clock.GetUtcNow();
                sweep.StopReason ??= "max_trials reached";
                logger.LogInformation("Sweep {SweepId} completed", sweep.Id);
            }
        }

        var ranked = BestTrials.Rank(trials, plan);
        sweep.BestTrialId = ranked.FirstOrDefault()?.Id;
        doomed.AddRange(await BestTrials.ReleaseBeyondKeepBestAsync(db, ranked, plan, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await janitor.DeleteAsync(doomed, ct);
        foreach (var trial in created)
        {
            await queue.EnqueueTrialAsync(trial.Id, ct);
        }
    }

    private async Task<List<Trial>> FillAsync(TunerDbContext db, Sweep sweep, List<Trial> trials, SweepPlan plan, CancellationToken ct)
    {
        var created = new List<Trial>();
        var live = trials.Count(IsLive);
        if (live >= sweep.Parallelism || trials.Count >= sweep.MaxTrials)
        {
            return created;
        }

        var history = (await TrialHistory.LoadAsync(db, sweep.Id, plan.Space, ct)).ToList();
        while (live < sweep.Parallelism && trials.Count < sweep.MaxTrials)
        {
            var number = trials.Count;
            var parameters = plan.Sampler.Sample(new SamplingContext(plan.Space, plan.Direction, history, number));
            var trial = new Trial
            {
                SweepId = sweep.Id,
                Number = number,
                Status = TrialStatus.Waiting,
                ParamsJson = ParamsJson.Serialize(parameters),
                Seed = TrialSeed(plan.Definition.Sampler.Seed ?? (int)sweep.Id, number),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Trials.Add(trial);
            trials.Add(trial);
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
            TrialTransitions.Finish(trial, TrialStatus.Cancelled, clock, sweep.StopReason ?? "sweep cancelled");
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

    private static bool IsLive(Trial trial) => trial.Status is TrialStatus.Waiting or TrialStatus.Running;

    /// <summary>A per-trial training seed from the sweep's seed and the trial number (stable across processes).</summary>
    public static int TrialSeed(int sweepSeed, int number) =>
        (int)((((uint)sweepSeed * 2654435761u) ^ ((uint)number * 40503u + 0x9E3779B9u)) & 0x7FFFFFFF);
}
