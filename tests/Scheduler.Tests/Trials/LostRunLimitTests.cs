using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// budget.max_lost_runs on a real PostgreSQL, through both ways a silent worker's lease ends: the reconciler's
/// requeue, and another worker taking the expired lease over.
/// </summary>
[Collection("postgres")]
public sealed class LostRunLimitTests(PostgresServerFixture postgres)
{
    private const string Sweep = """
        name: lost-runs
        workload: { kind: mnist-mlp, max_epochs: 3, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 2, parallelism: 1, max_lost_runs: 2 }
        """;

    [Fact]
    public async Task Reconciler_FailsTheTrial_AtMaxLostRuns_AndTheSweepGoesOn()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lost_runs_reconciler");
        var sweepId = await harness.SubmitAsync(Sweep);
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var reconciler = harness.CreateReconciler();

        var first = new StepWorker(harness, "worker-oom-1");
        var context = await first.StartAsync(trialId);
        await first.ReportAsync(context, 1, 0.5);
        await harness.ExpireLeaseAsync(trialId);
        await reconciler.ReconcileAsync(CancellationToken.None);
        var afterOne = (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trialId);

        await new StepWorker(harness, "worker-oom-2").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);
        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal((TrialStatus.Waiting, 1), (afterOne.Status, afterOne.LostRuns));
        var trials = await harness.TrialsAsync(sweepId);
        var failed = trials.Single(t => t.Id == trialId);
        Assert.Equal((TrialStatus.Failed, 2, 0, 0), (failed.Status, failed.LostRuns, failed.Preemptions, failed.Attempts));
        Assert.Equal("worker lost 2 times (last: worker worker-oom-2 went silent without notice during epoch 1)", failed.Error);
        Assert.Null(failed.LeaseOwner);
        Assert.Contains(trials, t => t.Id != trialId && t.Status == TrialStatus.Waiting);
        Assert.Equal(SweepState.Running, (await harness.SweepAsync(sweepId)).State);
    }

    /// <summary>A trial failed at the limit keeps no checkpoint, like any failed trial: through the reconciler's
    /// requeue and through a takeover alike.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ATrialFailedAtMaxLostRuns_ReleasesItsCheckpoints(bool takeover)
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, takeover ? "lost_runs_release_takeover" : "lost_runs_release_reconciler");
        var sweepId = await harness.SubmitAsync(Sweep);
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var first = new StepWorker(harness, "worker-oom-1");
        var context = await first.StartAsync(trialId);
        await first.ReportAsync(context, 1, 0.5);
        await first.CheckpointAsync(context, 1, 0);
        await harness.ExpireLeaseAsync(trialId);
        await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);
        await new StepWorker(harness, "worker-oom-2").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);

        if (takeover)
        {
            var lease = await harness.Get<TrialLeases>().TryAcquireAsync(trialId, "worker-next", TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.Null(await harness.Get<TrialRunStarter>().StartAsync(lease!, new WorkerIdentity("worker-next", "test-host", 1), CancellationToken.None));
        }
        else
        {
            await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);
        }

        Assert.Equal(TrialStatus.Failed, (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trialId).Status);
        await using var db = await harness.DbAsync();
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleAsync(c => c.TrialId == trialId);
        Assert.Equal(CheckpointState.Deleted, checkpoint.State);
        Assert.Empty(Directory.GetFiles(harness.Settings.CheckpointRoot, "*.ckpt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task TakingOverAnExpiredLease_FailsTheTrialInsteadOfRunningIt_AtMaxLostRuns()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lost_runs_takeover");
        var sweepId = await harness.SubmitAsync(Sweep);
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        await new StepWorker(harness, "worker-silent-1").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);
        await new StepWorker(harness, "worker-silent-2").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);

        var lease = await harness.Get<TrialLeases>().TryAcquireAsync(trialId, "worker-next", TimeSpan.FromSeconds(30), CancellationToken.None);
        var started = await harness.Get<TrialRunStarter>().StartAsync(lease!, new WorkerIdentity("worker-next", "test-host", 1), CancellationToken.None);

        Assert.Null(started);
        var trial = (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trialId);
        Assert.Equal((TrialStatus.Failed, 2), (trial.Status, trial.LostRuns));
        Assert.Equal("worker lost 2 times (last: worker worker-silent-2 went silent without notice during epoch 1)", trial.Error);
        await using var db = await harness.DbAsync();
        var runs = await db.TrialRuns.AsNoTracking().Where(r => r.TrialId == trialId).OrderBy(r => r.Id).Select(r => r.Outcome).ToListAsync();
        Assert.Equal([TrialRunOutcome.Lost, TrialRunOutcome.Lost], runs);
    }

    [Fact]
    public async Task Reconciler_CountsAPreemption_NotALostRun_WhenTheWorkersMachineIsGone()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lost_runs_machine_gone");
        var sweepId = await harness.SubmitAsync(Sweep);
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        await using (var db = await harness.DbAsync())
        {
            var now = DateTimeOffset.UtcNow;
            db.CapacityInstances.Add(new CapacityInstance
            {
                Provider = "local", Pool = "local", LaunchToken = Guid.NewGuid().ToString(), InstanceId = "local-gone",
                State = CapacityInstanceState.Ended, RequestedAt = now, EndedAt = now, EndReason = "preempted by the local spot market",
            });
            db.Workers.Add(new Worker
            {
                Id = "worker-on-gone", Host = "h", ProcessId = 1, InstanceId = "local-gone", State = WorkerState.Active,
                StartedAt = now, LastHeartbeatAt = now,
            });
            await db.SaveChangesAsync();
        }

        await new StepWorker(harness, "worker-on-gone").StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);
        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var trial = (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trialId);
        Assert.Equal((TrialStatus.Waiting, 0, 1), (trial.Status, trial.LostRuns, trial.Preemptions));
    }
}
