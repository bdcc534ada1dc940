using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>When a machine vanishes, the trials its workers held go back to the queue at once, without waiting for
/// their leases to run out.</summary>
[Collection("postgres")]
public sealed class LeaseRevocationTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Reconcile_RequeuesTrialOfWorkerOnPreemptedMachine_AndMarksItsRunLost()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_revoke_leases");
        var sweepId = await harness.SubmitAsync(parallelism: 2);
        var trials = await harness.Scheduler.TrialsAsync(sweepId);
        var preempted = await harness.LaunchAsync(sweepId);
        var survivor = await harness.LaunchAsync(sweepId);
        await RegisterWorkerAsync(harness, "worker-on-preempted", preempted.InstanceId!);
        await RegisterWorkerAsync(harness, "worker-on-survivor", survivor.InstanceId!);
        await new StepWorker(harness.Scheduler, "worker-on-preempted").StartAsync(trials[0].Id);
        await new StepWorker(harness.Scheduler, "worker-on-survivor").StartAsync(trials[1].Id);
        harness.Aws.Fake.Preempt(preempted.InstanceId!);

        await harness.ReconcileAsync();

        var after = await harness.Scheduler.TrialsAsync(sweepId);
        Assert.Equal((TrialStatus.Waiting, 1, (string?)null), (after[0].Status, after[0].Preemptions, after[0].LeaseOwner));
        Assert.Equal((TrialStatus.Running, 0, "worker-on-survivor"), (after[1].Status, after[1].Preemptions, after[1].LeaseOwner));
        await using var db = await harness.Scheduler.DbAsync();
        var trialIds = trials.Select(t => t.Id).ToList();
        var runs = await db.TrialRuns.AsNoTracking().Where(r => trialIds.Contains(r.TrialId)).ToListAsync();
        var lost = Assert.Single(runs, r => r.TrialId == trials[0].Id);
        Assert.Equal(TrialRunOutcome.Lost, lost.Outcome);
        Assert.NotNull(lost.EndedAt);
        Assert.Equal(TrialRunOutcome.Running, Assert.Single(runs, r => r.TrialId == trials[1].Id).Outcome);
        Assert.Equal(CapacityInstanceState.Ended, (await harness.InstanceAsync(preempted.InstanceId!)).State);
    }

    private static async Task RegisterWorkerAsync(RegistryHarness harness, string workerId, string instanceId)
    {
        await using var db = await harness.Scheduler.DbAsync();
        var now = harness.Clock.GetUtcNow();
        db.Workers.Add(new Worker
        {
            Id = workerId,
            Host = "ip-10-0-0-1",
            ProcessId = 1,
            InstanceId = instanceId,
            Queue = CloudSweeps.Pool,
            State = WorkerState.Active,
            StartedAt = now,
            LastHeartbeatAt = now,
        });
        await db.SaveChangesAsync();
    }
}
