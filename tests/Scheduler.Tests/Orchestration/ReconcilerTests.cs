using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Orchestration;

/// <summary>The reconciler's safety net on a real PostgreSQL and Hangfire storage.</summary>
[Collection("postgres")]
public sealed class ReconcilerTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Reconcile_RequeuesARunningTrialWhoseLeaseExpired_AndMarksItsOpenRunLost()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "reconcile_expired");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var context = await new StepWorker(harness, "worker-killed").StartAsync(trialId);
        var jobBefore = (await harness.TrialsAsync(sweepId)).Single().JobId;
        await harness.ExpireLeaseAsync(trialId);

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var trial = (await harness.TrialsAsync(sweepId)).Single();
        Assert.Equal(TrialStatus.Waiting, trial.Status);
        Assert.Equal((1, 0), (trial.LostRuns, trial.Preemptions));
        Assert.Null(trial.LeaseOwner);
        Assert.Null(trial.LeaseExpiresAt);
        Assert.Equal(context.Lease.Token, trial.LeaseToken);
        await using var db = await harness.DbAsync();
        var run = await db.TrialRuns.AsNoTracking().SingleAsync(r => r.TrialId == trialId);
        Assert.Equal(TrialRunOutcome.Lost, run.Outcome);
        Assert.NotNull(run.EndedAt);
        Assert.Equal("worker worker-killed went silent without notice during epoch 1", run.EndReason);
        Assert.NotEqual(jobBefore, trial.JobId);
        Assert.Equal(EnqueuedState.StateName, JobState(harness, trial.JobId!));
    }

    [Fact]
    public async Task Reconcile_LeavesATrialAlone_WhileItsLeaseIsLive()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "reconcile_live");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var context = await new StepWorker(harness, "worker-alive").StartAsync(trialId);

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var trial = (await harness.TrialsAsync(sweepId)).Single();
        Assert.Equal(TrialStatus.Running, trial.Status);
        Assert.Equal(0, trial.Preemptions);
        Assert.Equal("worker-alive", trial.LeaseOwner);
        Assert.Equal(context.Lease.Token, trial.LeaseToken);
    }

    [Fact]
    public async Task Reconcile_EnqueuesAWaitingTrialWhoseHangfireJobIsGone()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "reconcile_lost_job");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        var before = (await harness.TrialsAsync(sweepId)).Single();
        harness.Get<IBackgroundJobClient>().Delete(before.JobId);

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var after = (await harness.TrialsAsync(sweepId)).Single();
        Assert.Equal(DeletedState.StateName, JobState(harness, before.JobId!));
        Assert.NotEqual(before.JobId, after.JobId);
        Assert.Equal(EnqueuedState.StateName, JobState(harness, after.JobId!));
    }

    [Fact]
    public async Task Reconcile_EnqueuesAFreshJob_WhenAWorkerFetchedTheJobAndDiedBeforeTakingTheLease()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "reconcile_dead_fetch");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        var before = (await harness.TrialsAsync(sweepId)).Single();
        using (var connection = harness.Get<JobStorage>().GetConnection())
        {
            // A worker takes the job off the queue (Hangfire hides it) and is SIGKILLed before it runs it.
            var fetched = connection.FetchNextJob(["local"], CancellationToken.None);
            Assert.Equal(before.JobId, fetched.JobId);
        }

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);
        Assert.Equal(before.JobId, (await harness.TrialsAsync(sweepId)).Single().JobId);

        await using (var db = await harness.DbAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE hangfire.jobqueue SET fetchedat = now() - interval '1 minute'");
        }

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var after = (await harness.TrialsAsync(sweepId)).Single();
        Assert.Equal(TrialStatus.Waiting, after.Status);
        Assert.NotEqual(before.JobId, after.JobId);
        Assert.Equal(EnqueuedState.StateName, JobState(harness, after.JobId!));
    }

    private static string? JobState(SchedulerHarness harness, string jobId)
    {
        using var connection = harness.Get<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }
}
