using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>Retention as a worker meets it: every checkpoint written under the lease, every finish, files and rows together.</summary>
[Collection("postgres")]
public sealed class CheckpointLifecycleTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task WorkerCheckpoints_KeepLatestAndBestWhileRunning_AndOnlyTheBestOnceComplete()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "ckpt_lifecycle");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var worker = new StepWorker(harness, "worker-a");
        var context = await worker.StartAsync(trialId);

        double[] values = [0.5, 0.9, 0.7];
        for (var epoch = 1; epoch <= values.Length; epoch++)
        {
            await worker.ReportAsync(context, epoch, values[epoch - 1]);
            await worker.CheckpointAsync(context, epoch, 0);
        }

        await worker.CheckpointAsync(context, 3, 40);
        var whileRunning = await LiveAsync(harness, trialId);
        await worker.CompleteAsync(context);
        var afterComplete = await LiveAsync(harness, trialId);

        Assert.Equal([(2, 0), (3, 40)], whileRunning);
        Assert.Equal([(2, 0)], afterComplete);
        var files = Directory.GetFiles(harness.Settings.CheckpointRoot, "*.ckpt", SearchOption.AllDirectories);
        Assert.Equal([$"epoch-0002-batch-000000-lease-{context.Lease.Token}.ckpt"], files.Select(Path.GetFileName));
        var trial = (await harness.TrialsAsync(sweepId)).Single();
        Assert.Equal(TrialStatus.Complete, trial.Status);
        Assert.Equal(0.9, trial.Value);
        Assert.Equal(2, trial.BestEpoch);
        Assert.Equal(3, trial.LastEpoch);
    }

    private static async Task<List<(int Epoch, int Batch)>> LiveAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        var live = await db.Checkpoints.AsNoTracking()
            .Where(c => c.TrialId == trialId && c.State == CheckpointState.Live)
            .Select(c => new { c.Epoch, c.Batch }).ToListAsync();
        Assert.DoesNotContain(await db.Checkpoints.AsNoTracking().Where(c => c.TrialId == trialId).Select(c => c.State).ToListAsync(),
            state => state == CheckpointState.Deleting);
        return live.Select(c => (c.Epoch, c.Batch)).Order().ToList();
    }
}
