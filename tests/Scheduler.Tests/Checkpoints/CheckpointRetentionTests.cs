using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.Trainer.Checkpoints;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// Retention and deletion on a real PostgreSQL and the filesystem store. Each trial has reported val_accuracy 0.50,
/// 0.90, 0.70 for epochs 1-3 and has checkpoints at the ends of epochs 1, 2 and 3 and 40 batches into epoch 4.
/// </summary>
[Collection("postgres")]
public sealed class CheckpointRetentionTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Apply_KeepsTheLatestAndTheBestCheckpoint_OfALiveTrial()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "retention_live");
        var trialId = await TrialWithCheckpointsAsync(harness);

        var kept = await ApplyAsync(harness, trialId, TrialStatus.Running);

        Assert.Equal([(2, 0), (3, 40)], kept);
    }

    [Fact]
    public async Task Apply_KeepsOnlyTheBestCheckpoint_OfACompleteTrial()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "retention_complete");
        var trialId = await TrialWithCheckpointsAsync(harness);

        var kept = await ApplyAsync(harness, trialId, TrialStatus.Complete);

        Assert.Equal([(2, 0)], kept);
    }

    [Theory]
    [InlineData(TrialStatus.Pruned)]
    [InlineData(TrialStatus.Failed)]
    [InlineData(TrialStatus.Cancelled)]
    public async Task Apply_KeepsNoCheckpoint_OfATrialThatEndedWithoutCompleting(TrialStatus status)
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, $"retention_{status}");
        var trialId = await TrialWithCheckpointsAsync(harness);

        var kept = await ApplyAsync(harness, trialId, status);

        Assert.Empty(kept);
    }

    [Fact]
    public async Task Janitor_DeletesTheFilesOfDoomedCheckpoints_AndMarksTheirRowsDeleted()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "janitor_delete");
        var trialId = await TrialWithCheckpointsAsync(harness);
        var doomed = await MarkAsync(harness, trialId, TrialStatus.Complete);

        await harness.Get<CheckpointJanitor>().DeleteAsync(doomed, CancellationToken.None);

        var rows = await CheckpointsAsync(harness, trialId);
        Assert.Equal([(2, 0)], rows.Where(c => c.State == CheckpointState.Live).Select(c => (c.Epoch, c.Batch)));
        Assert.All(rows.Where(c => c.State != CheckpointState.Live), c =>
        {
            Assert.Equal(CheckpointState.Deleted, c.State);
            Assert.NotNull(c.DeletedAt);
            Assert.False(File.Exists(new Uri(c.Uri).LocalPath), $"{c.Uri} was marked Deleted but is still on disk");
        });
        Assert.All(rows.Where(c => c.State == CheckpointState.Live), c => Assert.True(File.Exists(new Uri(c.Uri).LocalPath)));
    }

    [Fact]
    public async Task Janitor_FinishesDeletionsThatACrashInterrupted()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "janitor_pending");
        var trialId = await TrialWithCheckpointsAsync(harness);
        await MarkAsync(harness, trialId, TrialStatus.Pruned);

        await harness.Get<CheckpointJanitor>().DeletePendingAsync(CancellationToken.None);

        var rows = await CheckpointsAsync(harness, trialId);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, c => Assert.Equal(CheckpointState.Deleted, c.State));
        Assert.Empty(Directory.GetFiles(harness.Settings.CheckpointRoot, "*.ckpt", SearchOption.AllDirectories));
    }

    /// <summary>Sets the trial's status, applies retention in one transaction and returns the (epoch, batch) of what stays live.</summary>
    private static async Task<List<(int Epoch, int Batch)>> ApplyAsync(SchedulerHarness harness, long trialId, TrialStatus status)
    {
        var doomed = await MarkAsync(harness, trialId, status);
        var rows = await CheckpointsAsync(harness, trialId);
        Assert.Equal(
            doomed.Select(c => c.Id).Order(),
            rows.Where(c => c.State == CheckpointState.Deleting).Select(c => c.Id).Order());
        return rows.Where(c => c.State == CheckpointState.Live).Select(c => (c.Epoch, c.Batch)).Order().ToList();
    }

    private static async Task<IReadOnlyList<Checkpoint>> MarkAsync(SchedulerHarness harness, long trialId, TrialStatus status)
    {
        await using var db = await harness.DbAsync();
        var trial = await db.Trials.SingleAsync(t => t.Id == trialId);
        var sweep = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == trial.SweepId);
        trial.Status = status;
        var doomed = await CheckpointRetention.ApplyAsync(db, trial, await harness.Get<SweepPlans>().ForAsync(sweep, CancellationToken.None), CancellationToken.None);
        await db.SaveChangesAsync();
        return doomed;
    }

    private static async Task<List<Checkpoint>> CheckpointsAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.Checkpoints.AsNoTracking().Where(c => c.TrialId == trialId).OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>A trial with three reported epochs and four checkpoint files written to the store, all recorded Live.</summary>
    private static async Task<long> TrialWithCheckpointsAsync(SchedulerHarness harness)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trial = (await harness.TrialsAsync(sweepId)).Single();
        var store = harness.Get<ICheckpointStore>();
        await using var db = await harness.DbAsync();
        double[] values = [0.5, 0.9, 0.7];
        for (var epoch = 1; epoch <= values.Length; epoch++)
        {
            db.TrialReports.Add(new TrialReport
            {
                TrialId = trial.Id, Epoch = epoch, Value = values[epoch - 1], MetricsJson = "{}", ReportedAt = DateTimeOffset.UnixEpoch,
            });
        }

        foreach (var (epoch, batch) in new[] { (1, 0), (2, 0), (3, 0), (3, 40) })
        {
            var key = $"sweeps/{sweepId}/trials/{trial.Id}/epoch-{epoch:D4}-batch-{batch:D6}-lease-1.ckpt";
            await store.WriteAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None);
            db.Checkpoints.Add(new Checkpoint
            {
                TrialId = trial.Id, Epoch = epoch, Batch = batch, Key = key, Uri = store.UriOf(key), SizeBytes = 3, LeaseToken = 1,
                State = CheckpointState.Live, CreatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        await db.SaveChangesAsync();
        return trial.Id;
    }
}
