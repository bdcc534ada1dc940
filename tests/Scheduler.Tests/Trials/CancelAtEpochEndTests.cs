using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// A running trial learns that its sweep was cancelled when it reports an epoch, not only at its next heartbeat: the
/// epoch is recorded and the report says stop, so the trial trains no further epoch.
/// </summary>
[Collection("postgres")]
public sealed class CancelAtEpochEndTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Report_RecordsTheEpochAndSaysStop_WhenTheSweepWasCancelledMeanwhile()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "cancel_at_epoch_end");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 1));
        var trial = (await harness.TrialsAsync(sweepId)).Single();
        var worker = new StepWorker(harness, "worker-a");
        var context = await worker.StartAsync(trial.Id);
        await worker.ReportAsync(context, 1, 0.5);

        Assert.True(await harness.Get<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None));
        await harness.OrchestrateAsync(sweepId);

        await Assert.ThrowsAsync<TrialCancelRequestedException>(() => worker.ReportAsync(context, 2, 0.6));
        await using var db = await harness.DbAsync();
        Assert.Equal([1, 2], await db.TrialReports.Where(r => r.TrialId == trial.Id).OrderBy(r => r.Epoch).Select(r => r.Epoch).ToListAsync());
    }

    /// <summary>A running trial ends Cancelled with its sweep's reason, as the waiting ones do.</summary>
    [Fact]
    public async Task ARunningTrialStoppedByItsSweep_EndsCancelled_WithTheSweepsReason()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "cancel_running_reason");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2));
        var trials = await harness.TrialsAsync(sweepId);
        var worker = new StepWorker(harness, "worker-a");
        var context = await worker.StartAsync(trials[0].Id);

        Assert.True(await harness.Get<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None));
        await harness.OrchestrateAsync(sweepId);
        await harness.Get<TrialFinalizer>().CancelAsync(context, CancellationToken.None);

        var ended = await harness.TrialsAsync(sweepId);
        Assert.All(ended, t => Assert.Equal((Core.Model.TrialStatus.Cancelled, "cancelled by request"), (t.Status, t.Error)));
    }
}
