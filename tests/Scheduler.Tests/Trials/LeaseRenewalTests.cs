using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>Heartbeats on a real PostgreSQL: a renewal tells the worker whether it still owns the trial and whether to stop.</summary>
[Collection("postgres")]
public sealed class LeaseRenewalTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Renew_ExtendsALiveLease_AndReportsLostAfterTakeover()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "lease_renew_lost");
        var trialId = await TrialLeaseTests.FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();
        var old = (await leases.TryAcquireAsync(trialId, "worker-a", Duration, CancellationToken.None))!;

        var renewed = await leases.RenewAsync(old, Duration, CancellationToken.None);
        await harness.ExpireLeaseAsync(trialId);
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
        Assert.Equal(TrialStatus.Cancelled, (await TrialLeaseTests.TrialAsync(harness, trials[1].Id)).Status);
    }
}
