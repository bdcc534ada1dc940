using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// `checkpoints.keep_best` (docs/sweep-definition.md): "finished trials whose best checkpoint is kept". A sweep with
/// keep_best: N keeps the best checkpoints of its N best complete trials, and no others.
/// </summary>
[Collection("postgres")]
public sealed class KeepBestTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Sweep_KeepsTheBestCheckpointOfOnlyItsKeepBestBestTrials_WhenTheyAllComplete()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "keep_best");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 3, parallelism: 3, keepBest: 1));
        var worker = new StepWorker(harness, "worker-a");
        double[] values = [0.6, 0.9, 0.7];

        foreach (var trial in await harness.TrialsAsync(sweepId))
        {
            var context = await worker.StartAsync(trial.Id);
            await worker.ReportAsync(context, 1, values[trial.Number]);
            await worker.CheckpointAsync(context, 1, 0);
            await worker.CompleteAsync(context);
        }

        await harness.OrchestrateAsync(sweepId);
        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);

        var sweep = await harness.SweepAsync(sweepId);
        var best = (await harness.TrialsAsync(sweepId)).Single(t => t.Number == 1);
        Assert.Equal(SweepState.Completed, sweep.State);
        Assert.Equal(best.Id, sweep.BestTrialId);
        await using var db = await harness.DbAsync();
        var live = await db.Checkpoints.AsNoTracking()
            .Where(c => c.State == CheckpointState.Live && db.Trials.Any(t => t.Id == c.TrialId && t.SweepId == sweepId))
            .Select(c => c.TrialId).ToListAsync();
        Assert.Equal([best.Id], live);
        Assert.Single(Directory.GetFiles(harness.Settings.CheckpointRoot, "*.ckpt", SearchOption.AllDirectories));
    }
}
