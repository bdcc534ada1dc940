using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Persistence;
using Tuner.Scheduling.Settings;

namespace Tuner.Jobs;

/// <summary>Tuner's two kinds of work on Hangfire's queues: a trial to run (<see cref="TrialJob"/>, on its sweep's pool
/// queue), a sweep to orchestrate (<see cref="SweepOrchestrationJob"/>); and the jobs Hangfire lost.</summary>
public sealed class JobQueue(
    IBackgroundJobClient jobs,
    JobStorage storage,
    IDbContextFactory<TunerDbContext> contexts,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<JobQueue> logger) : IJobQueue
{
    private static readonly HashSet<string> QueuedStates =
        [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    public async Task EnqueueTrialAsync(long trialId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pool = await db.Trials.Where(t => t.Id == trialId).Select(t => t.Sweep!.Pool).SingleAsync(ct);
        var jobId = jobs.Enqueue<TrialJob>(pool, job => job.RunAsync(trialId, CancellationToken.None));
        await db.Trials.Where(t => t.Id == trialId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.JobId, jobId), ct);
    }

    public void EnqueueOrchestration(long sweepId) =>
        jobs.Enqueue<SweepOrchestrationJob>(job => job.RunAsync(sweepId, CancellationToken.None));

    public async Task ReenqueueLostTrialsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A paused sweep's waiting trials wait without a job (a lease would be refused); they get one when it runs again.
        var waiting = await db.Trials.AsNoTracking().Where(t => t.Status == TrialStatus.Waiting && !t.CancelRequested && t.Sweep!.State != SweepState.Paused)
            .Select(t => new { t.Id, t.JobId, t.Sweep!.Pool }).ToListAsync(ct);
        if (waiting.Count == 0) return;
        var stale = StaleFetches(waiting.Select(t => t.Pool).Distinct());
        using var connection = storage.GetConnection();
        foreach (var trial in waiting)
        {
            var state = trial.JobId is null ? null : connection.GetStateData(trial.JobId)?.Name;
            var lost = state is null || !QueuedStates.Contains(state) || stale.Contains(trial.JobId!);
            if (!lost)
            {
                continue;
            }

            logger.LogInformation("Trial {TrialId} was waiting without a live job ({State}); enqueueing", trial.Id, state ?? "none");
            await EnqueueTrialAsync(trial.Id, ct);
        }
    }

    /// <summary>
    /// Jobs a worker fetched more than a lease ago without its trial leaving Waiting: the worker died between fetching
    /// and taking the lease (a live one takes it at once). Hangfire keeps such a job invisible for its whole
    /// invisibility timeout, so the trial gets a fresh job; the stale one, if it ever runs, finds the trial taken or done.
    /// </summary>
    private HashSet<string> StaleFetches(IEnumerable<string> queues)
    {
        var monitoring = storage.GetMonitoringApi();
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
