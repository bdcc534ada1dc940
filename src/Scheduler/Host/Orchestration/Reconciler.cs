using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Queueing;
using Tuner.Scheduler.Trials;

namespace Tuner.Scheduler.Orchestration;

/// <summary>
/// The safety net behind the event-driven path, run every few seconds by `tuner server`: requeues trials whose worker
/// died (lease expired), re-enqueues waiting trials whose Hangfire job is gone, orchestrates every active sweep,
/// finishes interrupted checkpoint deletions and marks silent workers lost.
/// </summary>
public sealed class Reconciler(
    IDbContextFactory<TunerDbContext> contexts,
    SweepOrchestrator orchestrator,
    ExpiredLeases expiredLeases,
    JobQueue queue,
    JobStorage jobStorage,
    CheckpointJanitor janitor,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<Reconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reconciliation pass failed; retrying");
            }

            try
            {
                await Task.Delay(settings.ReconcileInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task ReconcileAsync(CancellationToken ct)
    {
        await expiredLeases.RequeueAsync(ct);
        await ReenqueueLostJobsAsync(ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var active = await db.Sweeps.Where(s => s.State == SweepState.Running || s.State == SweepState.Cancelling)
                .Select(s => s.Id).ToListAsync(ct);
            foreach (var sweepId in active)
            {
                await orchestrator.OrchestrateAsync(sweepId, ct);
            }

            var silentSince = clock.GetUtcNow() - settings.WorkerSilenceLimit;
            await db.Workers.Where(w => w.State == WorkerState.Active && w.LastHeartbeatAt < silentSince)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkerState.Lost), ct);
        }

        await janitor.DeletePendingAsync(ct);
    }

    private static readonly HashSet<string> QueuedStates =
        [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    private async Task ReenqueueLostJobsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var waiting = await db.Trials.AsNoTracking().Where(t => t.Status == TrialStatus.Waiting && !t.CancelRequested)
            .Select(t => new { t.Id, t.JobId, t.Sweep!.Pool }).ToListAsync(ct);
        if (waiting.Count == 0) return;
        var stale = StaleFetches(waiting.Select(t => t.Pool).Distinct());
        using var connection = jobStorage.GetConnection();
        foreach (var trial in waiting)
        {
            var state = trial.JobId is null ? null : connection.GetStateData(trial.JobId)?.Name;
            var lost = state is null || !QueuedStates.Contains(state) || stale.Contains(trial.JobId!);
            if (!lost)
            {
                continue;
            }

            logger.LogInformation("Trial {TrialId} was waiting without a live job ({State}); enqueueing", trial.Id, state ?? "none");
            await queue.EnqueueTrialAsync(trial.Id, ct);
        }
    }

    /// <summary>
    /// Jobs a worker fetched more than a lease ago without its trial leaving Waiting: the worker died between fetching
    /// and taking the lease (a live one takes it at once). Hangfire keeps such a job invisible for its whole
    /// invisibility timeout, so the trial gets a fresh job; the stale one, if it ever runs, finds the trial taken or done.
    /// </summary>
    private HashSet<string> StaleFetches(IEnumerable<string> queues)
    {
        var monitoring = jobStorage.GetMonitoringApi();
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.LeaseDuration;
        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in queues)
        {
            foreach (var (jobId, fetched) in monitoring.FetchedJobs(name, 0, 10_000))
            {
                if (fetched?.FetchedAt is { } at && AsUtc(at) < cutoff) stale.Add(jobId);
            }
        }

        return stale;
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
