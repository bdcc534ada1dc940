using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Sweeps;
using Tuner.Scheduler.Tests.Infrastructure;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduler.Trials;

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

        var job = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<TrialJob>(
            harness.Services, new WorkerIdentity("worker-b", "test-host", Environment.ProcessId));
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
        await ExpireLeaseAsync(harness, trialId);
        var taken = await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None);

        Assert.Null(whileAlive);
        Assert.NotNull(taken);
        Assert.True(taken.Token > old.Token, $"takeover token {taken.Token} is not above the old token {old.Token}");
        Assert.Equal("worker-b", (await TrialAsync(harness, trialId)).LeaseOwner);
    }

    [Fact]
    public async Task FencedTransaction_WithTheOldToken_ThrowsLeaseLostException_AndWritesNothing()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_fenced");
        var trialId = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();
        var old = (await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None))!;
        await ExpireLeaseAsync(harness, trialId);
        var current = (await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None))!;
        var fenced = harness.Get<FencedTransaction>();
        var staleWorkRan = false;

        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => fenced.RunAsync(old, (db, trial) =>
        {
            staleWorkRan = true;
            trial.Error = "written by a worker that lost its lease";
            db.TrialReports.Add(new TrialReport { TrialId = trialId, Step = 1, Value = 0.5, MetricsJson = "{}" });
            return Task.FromResult(0);
        }, CancellationToken.None));
        await fenced.RunAsync(current, (db, trial) =>
        {
            db.TrialReports.Add(new TrialReport { TrialId = trialId, Step = 2, Value = 0.7, MetricsJson = "{}" });
            return Task.FromResult(0);
        }, CancellationToken.None);

        Assert.Equal(old, lost.Lease);
        Assert.Contains($"fencing token {old.Token}", lost.Message);
        Assert.False(staleWorkRan);
        var trial = await TrialAsync(harness, trialId);
        Assert.Null(trial.Error);
        await using var db = await harness.DbAsync();
        Assert.Equal([2], await db.TrialReports.Where(r => r.TrialId == trialId).Select(r => r.Step).ToListAsync());
    }

    [Fact]
    public async Task Renew_ExtendsALiveLease_AndReportsLostAfterTakeover()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_renew_lost");
        var trialId = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();
        var old = (await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None))!;

        var renewed = await leases.RenewAsync(old, Duration, CancellationToken.None);
        await ExpireLeaseAsync(harness, trialId);
        var current = (await leases.TryAcquireAsync(trialId, "worker-b", Duration, CancellationToken.None))!;
        var afterTakeover = await leases.RenewAsync(old, Duration, CancellationToken.None);

        Assert.Equal(HeartbeatResult.Renewed, renewed);
        Assert.Equal(HeartbeatResult.Lost, afterTakeover);
        Assert.Equal(HeartbeatResult.Renewed, await leases.RenewAsync(current, Duration, CancellationToken.None));
    }

    [Fact]
    public async Task Renew_ReportsCancelRequested_WhenTheSweepIsCancelling()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_renew_cancel");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 2));
        var trials = await harness.TrialsAsync(sweepId);
        var leases = harness.Get<TrialLeases>();
        var running = (await leases.TryAcquireAsync(trials[0].Id, "worker-a", Duration, CancellationToken.None))!;

        Assert.True(await harness.Get<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None));
        await harness.OrchestrateAsync(sweepId);
        var heartbeat = await leases.RenewAsync(running, Duration, CancellationToken.None);
        var lateDelivery = await leases.TryAcquireAsync(trials[1].Id, "worker-b", Duration, CancellationToken.None);

        Assert.Equal(HeartbeatResult.CancelRequested, heartbeat);
        Assert.Null(lateDelivery);
        Assert.Equal(SweepState.Cancelling, (await harness.SweepAsync(sweepId)).State);
        Assert.Equal(TrialStatus.Cancelled, (await TrialAsync(harness, trials[1].Id)).Status);
    }

    private static async Task<long> FirstTrialAsync(SchedulerHarness harness)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        return (await harness.TrialsAsync(sweepId)).Single().Id;
    }

    private static async Task<Trial> TrialAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.Trials.AsNoTracking().SingleAsync(t => t.Id == trialId);
    }

    /// <summary>As if the owner had stopped heartbeating a minute ago: the lease's expiry (database clock) is in the past.</summary>
    internal static async Task ExpireLeaseAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE tuner.trials SET lease_expires_at = now() - interval '1 minute' WHERE id = {trialId}");
    }
}
