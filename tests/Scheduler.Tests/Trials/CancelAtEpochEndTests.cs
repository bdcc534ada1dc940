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
        Assert.Equal([1, 2], await db.TrialReports.Where(r => r.TrialId == trial.Id).OrderBy(r => r.Step).Select(r => r.Step).ToListAsync());
    }
}
