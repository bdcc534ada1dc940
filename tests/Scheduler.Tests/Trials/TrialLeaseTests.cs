using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.Jobs;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>Leases and fencing on a real PostgreSQL: one owner at a time, takeover after expiry, stale writers shut out.</summary>
[Collection("postgres")]
public sealed class TrialLeaseTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryAcquire_GivesTheLeaseOnce_AndASecondOwnerGetsNull()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_once");
        var trialId = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();

        var first = await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None);
        var duplicate = await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None);
        var sameOwnerAgain = await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(duplicate);
        Assert.Null(sameOwnerAgain);
        var trial = await TrialAsync(harness, trialId);
        Assert.Equal(TrialStatus.Running, trial.Status);
        Assert.Equal("worker-a", trial.LeaseOwner);
        Assert.Equal(first.Token, trial.LeaseToken);
    }

    [Fact]
    public async Task TrialJob_DoesNothing_WhenHangfireDeliversItAgainWhileAnotherWorkerHoldsTheLease()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_duplicate_job");
        var trialId = await FirstTrialAsync(harness);
        var owner = new StepWorker(harness, "worker-a");
        var context = await owner.StartAsync(trialId);

        var job = new TrialJob(Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<TrialExecution>(
            harness.Services, new WorkerIdentity("worker-b", "test-host", Environment.ProcessId)));
        await job.RunAsync(trialId, CancellationToken.None);

        var trial = await TrialAsync(harness, trialId);
        Assert.Equal(TrialStatus.Running, trial.Status);
        Assert.Equal("worker-a", trial.LeaseOwner);
        Assert.Equal(context.Lease.Token, trial.LeaseToken);
        await using var db = await harness.DbAsync();
        Assert.Equal(["worker-a"], await db.TrialRuns.Where(r => r.TrialId == trialId).Select(r => r.WorkerId).ToListAsync());
    }

    [Fact]
    public async Task TryAcquire_TakesOverAnExpiredLease_WithAHigherFencingToken()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_takeover");
        var trialId = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();
        var old = (await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None))!;

        var whileAlive = await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None);
        await harness.ExpireLeaseAsync(trialId);
        var taken = await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None);

        Assert.Null(whileAlive);
        Assert.NotNull(taken);
        Assert.True(taken.Token > old.Token, $"takeover token {taken.Token} is not above the old token {old.Token}");
        Assert.Equal("worker-b", (await TrialAsync(harness, trialId)).LeaseOwner);
    }

    /// <summary>
    /// A Hangfire retry or redelivery can reach an expired lease before the reconciler does. The run of the worker that
    /// went silent must then end as Lost and count as a preemption, as it does when the reconciler requeues the trial.
    /// </summary>
    [Fact]
    public async Task TryAcquire_TakingOverAnExpiredLease_EndsTheSilentWorkersRunAsLost_AndCountsALostRun()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_takeover_run");
        var trialId = await FirstTrialAsync(harness);
        await new StepWorker(harness, "worker-silent").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);

        var context = await new StepWorker(harness, "worker-next").StartAsync(trialId);

        await using var db = await harness.DbAsync();
        var runs = await db.TrialRuns.AsNoTracking().Where(r => r.TrialId == trialId).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["worker-silent", "worker-next"], runs.Select(r => r.WorkerId));
        Assert.Equal(TrialRunOutcome.Lost, runs[0].Outcome);
        Assert.NotNull(runs[0].EndedAt);
        Assert.Equal((TrialRunOutcome.Running, context.Lease.Token), (runs[1].Outcome, runs[1].LeaseToken));
        var trial = await TrialAsync(harness, trialId);
        Assert.Equal((1, 0), (trial.LostRuns, trial.Preemptions));
    }

    /// <summary>
    /// The same takeover when the silent worker's machine is gone (a spot machine the provider ended): a preemption,
    /// as the reconciler counts it, not a lost run that would count against budget.max_lost_runs.
    /// </summary>
    [Fact]
    public async Task TryAcquire_TakingOverTheExpiredLeaseOfAWorkerWhoseMachineIsGone_CountsAPreemption()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_takeover_gone");
        var trialId = await FirstTrialAsync(harness);
        await using (var db = await harness.DbAsync())
        {
            var now = DateTimeOffset.UtcNow;
            db.CapacityInstances.Add(new CapacityInstance
            {
                Provider = "local", Pool = "local", LaunchToken = Guid.NewGuid().ToString(), InstanceId = "i-preempted",
                State = CapacityInstanceState.Ended, RequestedAt = now, EndedAt = now, EndReason = "preempted",
            });
            db.Workers.Add(new Worker
            {
                Id = "worker-on-preempted", Host = "test-host", ProcessId = 1, InstanceId = "i-preempted",
                State = WorkerState.Active, StartedAt = now, LastHeartbeatAt = now,
            });
            await db.SaveChangesAsync();
        }

        await new StepWorker(harness, "worker-on-preempted").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);
        await new StepWorker(harness, "worker-next").StartAsync(trialId);

        await using var check = await harness.DbAsync();
        var silent = await check.TrialRuns.AsNoTracking().Where(r => r.TrialId == trialId).OrderBy(r => r.Id).FirstAsync();
        Assert.Equal((TrialRunOutcome.Lost, "machine i-preempted is gone"), (silent.Outcome, silent.EndReason));
        var trial = await TrialAsync(harness, trialId);
        Assert.Equal((0, 1), (trial.LostRuns, trial.Preemptions));
    }

    [Fact]
    public async Task FencedTransaction_WithTheOldToken_ThrowsLeaseLostException_AndWritesNothing()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_fenced");
        var trialId = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();
        var old = (await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None))!;
        await harness.ExpireLeaseAsync(trialId);
        var current = (await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None))!;
        var fenced = harness.Get<FencedTransaction>();
        var staleWorkRan = false;

        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => fenced.RunAsync(old, (db, trial) =>
        {
            staleWorkRan = true;
            trial.Error = "written by a worker that lost its lease";
            db.TrialReports.Add(new TrialReport { TrialId = trialId, Epoch = 1, Value = 0.5, MetricsJson = "{}" });
            return Task.FromResult(0);
        }, CancellationToken.None));
        await fenced.RunAsync(current, (db, trial) =>
        {
            db.TrialReports.Add(new TrialReport { TrialId = trialId, Epoch = 2, Value = 0.7, MetricsJson = "{}" });
            return Task.FromResult(0);
        }, CancellationToken.None);

        Assert.Equal(old, lost.Lease);
        Assert.Contains($"fencing token {old.Token}", lost.Message);
        Assert.False(staleWorkRan);
        var trial = await TrialAsync(harness, trialId);
        Assert.Null(trial.Error);
        await using var db = await harness.DbAsync();
        Assert.Equal([2], await db.TrialReports.Where(r => r.TrialId == trialId).Select(r => r.Epoch).ToListAsync());
    }

    internal static async Task<long> FirstTrialAsync(SchedulerHarness harness)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        return (await harness.TrialsAsync(sweepId)).Single().Id;
    }

    internal static async Task<Trial> TrialAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.Trials.AsNoTracking().SingleAsync(t => t.Id == trialId);
    }
}
