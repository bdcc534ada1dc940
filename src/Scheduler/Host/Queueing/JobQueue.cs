using Hangfire;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduler.Orchestration;
using Tuner.Scheduler.Trials;

namespace Tuner.Scheduler.Queueing;

/// <summary>Puts Tuner's two kinds of work on Hangfire's queues: a trial to run, a sweep to orchestrate.</summary>
public sealed class JobQueue(IBackgroundJobClient jobs, IDbContextFactory<TunerDbContext> contexts)
{
    /// <summary>
    /// Enqueues a run of the trial on its sweep's pool queue and remembers the job, so the reconciler can tell a lost
    /// job from a queued one.
    /// </summary>
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
}
