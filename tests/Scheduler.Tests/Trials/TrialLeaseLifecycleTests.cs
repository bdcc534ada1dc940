using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.TestSupport.Postgres;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// The lease SQL against the state machine: a lease taken (TrialLeases), a lease taken over from a worker gone silent or
/// whose machine is gone (TrialLeases, in one statement), and the reconciler's requeue of the same (ExpiredLeases) leave
/// the trial and the silent run exactly as <see cref="TrialLifecycle"/> says.
/// </summary>
[Collection("postgres")]
public sealed class TrialLeaseLifecycleTests(PostgresServerFixture postgres)
{
    private static readonly TrialLimits Limits = new(MaxAttempts: 1, MaxLostRuns: 3);

    [Fact]
    public async Task TakingAWaitingTrial_IsTheLeasedTransition()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lifecycle_leased");
        var trialId = await TrialLeaseTests.FirstTrialAsync(harness);
        var expected = Copy(await TrialLeaseTests.TrialAsync(harness, trialId));

        await new StepWorker(harness, "worker-a").StartAsync(trialId);

        TrialLifecycle.Apply(expected, TrialEvent.Leased, Limits, DateTimeOffset.UtcNow);
        AssertSameState(expected, await TrialLeaseTests.TrialAsync(harness, trialId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TakingOverAnExpiredLease_IsTheLostWorkerTransition_ThenLeased(bool machineGone)
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, machineGone ? "lifecycle_takeover_gone" : "lifecycle_takeover_silent");
        var (trialId, silentRun, expected) = await SilentWorkerAsync(harness, machineGone);

        await new StepWorker(harness, "worker-next").StartAsync(trialId);

        var step = TrialLifecycle.Apply(expected, machineGone ? TrialEvent.MachineGone : TrialEvent.WorkerLost, Limits, DateTimeOffset.UtcNow);
        TrialLifecycle.Apply(expected, TrialEvent.Leased, Limits, DateTimeOffset.UtcNow);
        AssertSameState(expected, await TrialLeaseTests.TrialAsync(harness, trialId));
        await AssertRunEndedAsync(harness, silentRun, step.RunEnds, machineGone);
        Assert.Equal(2, await RunCountAsync(harness, trialId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RequeueingAnExpiredLease_IsTheLostWorkerTransition(bool machineGone)
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, machineGone ? "lifecycle_requeue_gone" : "lifecycle_requeue_silent");
        var (trialId, silentRun, expected) = await SilentWorkerAsync(harness, machineGone);

        await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);

        var step = TrialLifecycle.Apply(expected, machineGone ? TrialEvent.MachineGone : TrialEvent.WorkerLost, Limits, DateTimeOffset.UtcNow);
        Assert.True(step.HandedBack);
        AssertSameState(expected, await TrialLeaseTests.TrialAsync(harness, trialId));
        await AssertRunEndedAsync(harness, silentRun, step.RunEnds, machineGone);
        Assert.Equal(1, await RunCountAsync(harness, trialId));
    }

    /// <summary>A worker killed between taking the lease and opening its run: what the takeover or the requeue counts
    /// (a lost run, or a preemption when its machine is gone) shows as a zero-length run with that reason.</summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task AWorkerSilentBeforeOpeningItsRun_GetsAZeroLengthRunForWhatIsCounted(bool takenOver, bool machineGone)
    {
        await using var harness = await SchedulerHarness.StartAsync(
            postgres, $"lifecycle_unopened_{(takenOver ? "takeover" : "requeue")}_{(machineGone ? "gone" : "silent")}");
        var trialId = await TrialLeaseTests.FirstTrialAsync(harness);
        var worker = machineGone ? await WorkerOnGoneMachineAsync(harness) : "worker-silent";
        Assert.NotNull(await harness.Get<TrialLeases>().TryAcquireAsync(trialId, worker, harness.Settings.LeaseDuration, CancellationToken.None));
        await using (var write = await harness.DbAsync())
        {
            // Where an earlier run left the trial: the unopened run would have resumed from here.
            write.Checkpoints.Add(new Checkpoint
            {
                TrialId = trialId, Epoch = 2, Batch = 5, Key = "earlier.ckpt", Uri = "file:///earlier.ckpt", SizeBytes = 1,
                Sha256 = new string('0', 64), LeaseToken = 1, State = CheckpointState.Live, CreatedAt = DateTimeOffset.UtcNow,
            });
            await write.SaveChangesAsync();
        }

        await harness.ExpireLeaseAsync(trialId);
        var expected = Copy(await TrialLeaseTests.TrialAsync(harness, trialId));

        if (takenOver)
        {
            await new StepWorker(harness, "worker-next").StartAsync(trialId);
        }
        else
        {
            await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);
        }

        var step = TrialLifecycle.Apply(expected, machineGone ? TrialEvent.MachineGone : TrialEvent.WorkerLost, Limits, DateTimeOffset.UtcNow);
        if (takenOver) TrialLifecycle.Apply(expected, TrialEvent.Leased, Limits, DateTimeOffset.UtcNow);
        AssertSameState(expected, await TrialLeaseTests.TrialAsync(harness, trialId));
        await using var db = await harness.DbAsync();
        var unopened = await db.TrialRuns.AsNoTracking().SingleAsync(r => r.TrialId == trialId && r.WorkerId == worker);
        var reason = machineGone ? LostRunReasons.MachineGone("i-gone") : LostRunReasons.SilentBeforeRun(worker);
        Assert.Equal((step.RunEnds, 1L, 0, reason), (unopened.Outcome, unopened.LeaseToken, unopened.EpochsTrained, unopened.EndReason));
        Assert.Equal((2, 5), (unopened.ResumedEpoch, unopened.ResumedBatch));
        Assert.Equal(unopened.StartedAt, unopened.EndedAt);
        Assert.Equal(takenOver ? 2 : 1, await RunCountAsync(harness, trialId));
    }

    /// <summary>A trial running on a worker (on machine i-gone, ended, when <paramref name="machineGone"/>) whose lease
    /// has expired; with the trial as it stands, to apply the expected transitions to.</summary>
    private static async Task<(long TrialId, TrialRun SilentRun, Trial Before)> SilentWorkerAsync(SchedulerHarness harness, bool machineGone)
    {
        var trialId = await TrialLeaseTests.FirstTrialAsync(harness);
        var worker = machineGone ? await WorkerOnGoneMachineAsync(harness) : "worker-silent";
        var context = await new StepWorker(harness, worker).StartAsync(trialId);
        await harness.ExpireLeaseAsync(trialId);
        await using var check = await harness.DbAsync();
        var run = await check.TrialRuns.AsNoTracking().SingleAsync(r => r.Id == context.RunId);
        return (trialId, run, Copy(await TrialLeaseTests.TrialAsync(harness, trialId)));
    }

    /// <summary>Registers a worker on machine i-gone, which the provider says has ended; returns the worker's id.</summary>
    private static async Task<string> WorkerOnGoneMachineAsync(SchedulerHarness harness)
    {
        const string worker = "worker-on-gone-machine";
        await using var db = await harness.DbAsync();
        var now = DateTimeOffset.UtcNow;
        db.CapacityInstances.Add(new CapacityInstance
        {
            Provider = "local", Pool = "local", LaunchToken = Guid.NewGuid().ToString(), InstanceId = "i-gone",
            State = CapacityInstanceState.Ended, RequestedAt = now, EndedAt = now, EndReason = "preempted",
        });
        db.Workers.Add(new Worker
        {
            Id = worker, Host = "test-host", ProcessId = 1, InstanceId = "i-gone",
            State = WorkerState.Active, StartedAt = now, LastHeartbeatAt = now,
        });
        await db.SaveChangesAsync();
        return worker;
    }

    private static async Task<int> RunCountAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.TrialRuns.CountAsync(r => r.TrialId == trialId);
    }

    private static async Task AssertRunEndedAsync(SchedulerHarness harness, TrialRun silent, TrialRunOutcome? outcome, bool machineGone)
    {
        await using var db = await harness.DbAsync();
        var ended = await db.TrialRuns.AsNoTracking().SingleAsync(r => r.Id == silent.Id);
        var reason = machineGone ? LostRunReasons.MachineGone("i-gone") : LostRunReasons.Silent(silent);
        Assert.Equal((outcome, reason), (ended.Outcome, ended.EndReason));
        Assert.NotNull(ended.EndedAt);
    }

    private static void AssertSameState(Trial expected, Trial actual) => Assert.Equal(
        (expected.Status, expected.Attempts, expected.Preemptions, expected.LostRuns, expected.Error, expected.FinishedAt is null),
        (actual.Status, actual.Attempts, actual.Preemptions, actual.LostRuns, actual.Error, actual.FinishedAt is null));

    private static Trial Copy(Trial trial) => new()
    {
        Id = trial.Id, SweepId = trial.SweepId, Number = trial.Number, Status = trial.Status, ParamsJson = trial.ParamsJson,
        Attempts = trial.Attempts, Preemptions = trial.Preemptions, LostRuns = trial.LostRuns, Error = trial.Error,
        LeaseOwner = trial.LeaseOwner, LeaseToken = trial.LeaseToken, LeaseExpiresAt = trial.LeaseExpiresAt, FinishedAt = trial.FinishedAt,
    };
}
