using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Persistence.Leases;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// A run cut short is a sweep event, whichever of the three ways it ends: the worker hands the trial back
/// (TrialFinalizer), the reconciler finds its lease expired (ExpiredLeases), or another worker takes the expired lease
/// over (TrialLeases). The events page and `GET /api/sweeps/{id}/events` show them.
/// </summary>
[Collection("postgres")]
public sealed class RunEndEventsTests(PostgresServerFixture postgres)
{
    /// <summary>One trial at a time, two attempts and two lost runs each.</summary>
    private static readonly string Sweep = SweepTexts.Small(maxTrials: 2, parallelism: 1, budget: "max_attempts: 2, max_lost_runs: 2");

    [Fact]
    public async Task AWorkerHandingItsTrialBackOnANotice_IsARunHandedBackEvent()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_events_preempted");
        var (sweepId, trial) = await FirstTrialAsync(harness);
        var worker = new StepWorker(harness, "worker-spot");
        var context = await worker.StartAsync(trial.Id);
        await worker.ReportAsync(context, 1, 0.5);

        await harness.Get<TrialFinalizer>().PreemptAsync(context, "EC2 spot instance-action terminate at 2026-12-06T15:00:00Z", CancellationToken.None);

        var handedBack = Assert.Single(await EventsAsync(harness, sweepId));
        Assert.Equal((SweepEventKinds.RunHandedBack, trial.Id), (handedBack.Kind, handedBack.TrialId));
        Assert.Equal(
            $"trial {trial.Number} (id {trial.Id}): worker worker-spot handed it back (EC2 spot instance-action terminate at "
            + "2026-12-06T15:00:00Z); it waits to resume from its last checkpoint",
            handedBack.Message);
    }

    [Fact]
    public async Task AFailedAttemptWithRetriesLeft_IsNoEvent_ItsErrorIsTheTrials()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_events_retry");
        var (sweepId, trial) = await FirstTrialAsync(harness);
        var context = await new StepWorker(harness, "worker-a").StartAsync(trial.Id);

        await harness.Get<TrialFinalizer>().FailAsync(context, "loss became NaN at epoch 1", CancellationToken.None);

        Assert.Equal(TrialStatus.Waiting, (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trial.Id).Status);
        Assert.Empty(await EventsAsync(harness, sweepId));
    }

    [Fact]
    public async Task TheReconcilerRequeueingASilentWorkersTrial_IsARunLostEvent_AndFailingItAtTheLimitSaysSo()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_events_reconciler");
        var (sweepId, trial) = await FirstTrialAsync(harness);
        var first = new StepWorker(harness, "worker-silent-1");
        await first.ReportAsync(await first.StartAsync(trial.Id), 1, 0.5);
        await harness.ExpireLeaseAsync(trial.Id);
        await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);
        await new StepWorker(harness, "worker-silent-2").StartAsync(trial.Id);
        await harness.ExpireLeaseAsync(trial.Id);
        await harness.Get<ExpiredLeases>().RequeueAsync(CancellationToken.None);

        var events = await EventsAsync(harness, sweepId);
        Assert.All(events, e => Assert.Equal((SweepEventKinds.RunLost, trial.Id), (e.Kind, e.TrialId)));
        Assert.Equal(
            [
                $"trial {trial.Number} (id {trial.Id}): its run was lost (worker worker-silent-1 went silent without notice "
                + "during epoch 2); it waits to resume from its last checkpoint",
                $"trial {trial.Number} (id {trial.Id}): its run was lost (worker worker-silent-2 went silent without notice "
                + "during epoch 1); the trial failed: worker lost 2 times (last: worker worker-silent-2 went silent without "
                + "notice during epoch 1)",
            ],
            events.Select(e => e.Message));
    }

    [Fact]
    public async Task AWorkerTakingOverAnExpiredLease_IsARunLostEvent_WrittenWithTheTakeover()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_events_takeover");
        var (sweepId, trial) = await FirstTrialAsync(harness);
        await new StepWorker(harness, "worker-silent").StartAsync(trial.Id);
        await harness.ExpireLeaseAsync(trial.Id);

        var lease = await harness.Get<TrialLeases>().TryAcquireAsync(trial.Id, "worker-next", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotNull(lease);
        var lost = Assert.Single(await EventsAsync(harness, sweepId));
        Assert.Equal((SweepEventKinds.RunLost, trial.Id), (lost.Kind, lost.TrialId));
        Assert.Equal(
            $"trial {trial.Number} (id {trial.Id}): its run was lost (worker worker-silent went silent without notice during "
            + "epoch 1); worker worker-next took the trial over",
            lost.Message);
    }

    [Fact]
    public async Task TakingAWaitingTrial_OrALeaseStillAlive_IsNoEvent()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_events_plain_lease");
        var (sweepId, trial) = await FirstTrialAsync(harness);
        var leases = harness.Get<TrialLeases>();

        Assert.NotNull(await leases.TryAcquireAsync(trial.Id, "worker-a", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Null(await leases.TryAcquireAsync(trial.Id, "worker-b", TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Empty(await EventsAsync(harness, sweepId));
    }

    private static async Task<(long SweepId, Trial Trial)> FirstTrialAsync(SchedulerHarness harness)
    {
        var sweepId = await harness.SubmitAsync(Sweep);
        return (sweepId, (await harness.TrialsAsync(sweepId)).Single());
    }

    /// <summary>The sweep's events about its trials' runs, oldest first (scale decisions and the like left out).</summary>
    private static async Task<List<SweepEvent>> EventsAsync(SchedulerHarness harness, long sweepId)
    {
        await using var db = await harness.DbAsync();
        string[] runKinds = [SweepEventKinds.RunHandedBack, SweepEventKinds.RunLost];
        return await db.SweepEvents.AsNoTracking().Where(e => e.SweepId == sweepId && runKinds.Contains(e.Kind)).OrderBy(e => e.Id).ToListAsync();
    }
}
