using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.S3;
using Tuner.TestSupport.Sweeps;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// Kept checkpoints moving to TUNER_CHECKPOINT_KEPT_STORAGE_CLASS, on real PostgreSQL and s3rver, the emulator that
/// keeps an object's storage class (fauxqs ignores it), so each test reads the class back from the object itself.
/// </summary>
[Collection("postgres")]
public sealed class KeptCheckpointStorageTests(PostgresServerFixture postgres, S3rverServerFixture s3) : IClassFixture<S3rverServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(T0);

    [Fact]
    public async Task Move_PutsTheCheckpointsAFinishedSweepKeeps_InTheClass_AndTheCostReportPricesThemThere()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "kept_class");
        var store = s3.NewStore(S3rverServerFixture.NewLocation());
        var finished = await SweepWithCheckpointAsync(harness, store, SweepState.Completed, TrialStatus.Complete, sizeBytes: 300_000);
        var running = await SweepWithCheckpointAsync(harness, store, SweepState.Running, TrialStatus.Complete, sizeBytes: 1_000);
        clock.Advance(TimeSpan.FromDays(1));

        await Storage(harness, store).MoveAsync(CancellationToken.None);

        Assert.Equal("STANDARD_IA", await ClassOfObjectAsync(store, finished.Key));
        Assert.Null(await ClassOfObjectAsync(store, running.Key));
        var rows = await RowsAsync(harness, finished.Id, running.Id);
        Assert.Equal(("STANDARD_IA", T0.AddDays(1)), (rows[0].StorageClass, rows[0].StorageClassSince));
        Assert.Equal((null, null), (rows[1].StorageClass, rows[1].StorageClassSince));

        // A day in STANDARD, then 30 days in STANDARD_IA, of 300,000 bytes (400,000 of content).
        clock.Advance(TimeSpan.FromDays(30));
        var cost = (await Costs(harness).ReportAsync(finished.SweepId, CancellationToken.None))!;
        var gb = 300_000 / (1024.0 * 1024 * 1024);
        Assert.Equal(
            [("STANDARD", 0L, Math.Round((decimal)(gb / 30) * 0.023m, 6)), ("STANDARD_IA", 300_000L, Math.Round((decimal)gb * 0.0125m, 6))],
            cost.Storage.Classes.Select(c => (c.StorageClass, c.LiveBytes, c.Usd)));
        Assert.Equal((300_000L, 400_000L), (cost.Storage.LiveBytes, cost.Storage.LiveContentBytes));
    }

    [Fact]
    public async Task Move_LeavesTheCheckpointsOfPrunedTrials_AndMarksAMissingObjectUnusable()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "kept_missing");
        var store = s3.NewStore(S3rverServerFixture.NewLocation());
        var pruned = await SweepWithCheckpointAsync(harness, store, SweepState.Completed, TrialStatus.Pruned, sizeBytes: 1_000);
        var missing = await SweepWithCheckpointAsync(harness, store, SweepState.Cancelled, TrialStatus.Complete, sizeBytes: 1_000);
        await store.DeleteAsync(missing.Key, CancellationToken.None);

        await Storage(harness, store).MoveAsync(CancellationToken.None);

        Assert.Null(await ClassOfObjectAsync(store, pruned.Key));
        var rows = await RowsAsync(harness, pruned.Id, missing.Id);
        Assert.Equal((CheckpointState.Live, null), (rows[0].State, rows[0].StorageClass));
        Assert.Equal(CheckpointState.Unusable, rows[1].State);
        Assert.Equal($"missing from {missing.Uri} when it was to move to STANDARD_IA", rows[1].Problem);
    }

    private KeptCheckpointStorage Storage(SchedulerHarness harness, S3CheckpointStore store) => new(
        harness.Get<TunerSettings>() with { KeptStorageClass = "STANDARD_IA" }, store,
        harness.Get<IDbContextFactory<TunerDbContext>>(), clock, NullLogger<KeptCheckpointStorage>.Instance);

    private SweepCosts Costs(SchedulerHarness harness) =>
        new(harness.Get<IDbContextFactory<TunerDbContext>>(), harness.Get<SweepPlans>(), CostSettings.Default, clock);

    /// <summary>A sweep in <paramref name="sweepState"/> whose one trial is <paramref name="trialStatus"/> and keeps a
    /// compressed checkpoint of <paramref name="sizeBytes"/> (a third more of content), stored at T0.</summary>
    private async Task<Kept> SweepWithCheckpointAsync(
        SchedulerHarness harness, S3CheckpointStore store, SweepState sweepState, TrialStatus trialStatus, int sizeBytes)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trial = (await harness.TrialsAsync(sweepId)).Single();
        var key = $"sweeps/{sweepId}/trials/{trial.Id}/epoch-0001-batch-000000-lease-1.ckpt";
        var stored = await store.WriteAsync(key, new MemoryStream(new byte[sizeBytes]), CancellationToken.None);
        await using var db = await harness.DbAsync();
        await db.Sweeps.Where(s => s.Id == sweepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, sweepState));
        await db.Trials.Where(t => t.Id == trial.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, trialStatus));
        var checkpoint = new Checkpoint
        {
            TrialId = trial.Id, Epoch = 1, Key = key, Uri = stored.Uri, SizeBytes = stored.SizeBytes, ContentBytes = sizeBytes * 4L / 3,
            Compression = "brotli", Sha256 = stored.Sha256, LeaseToken = 1, State = CheckpointState.Live, CreatedAt = T0,
        };
        db.Checkpoints.Add(checkpoint);
        await db.SaveChangesAsync();
        return new Kept(sweepId, checkpoint.Id, key, checkpoint.Uri);
    }

    private sealed record Kept(long SweepId, long Id, string Key, string Uri);

    private async Task<string?> ClassOfObjectAsync(S3CheckpointStore store, string key)
    {
        var objectKey = store.UriOf(key)["s3://".Length..].Split('/', 2)[1];
        var head = await s3.Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = S3rverServerFixture.Bucket, Key = objectKey });
        return head.StorageClass?.Value;
    }

    private static async Task<List<Checkpoint>> RowsAsync(SchedulerHarness harness, params long[] ids)
    {
        await using var db = await harness.DbAsync();
        var rows = await db.Checkpoints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        return [.. ids.Select(id => rows.Single(r => r.Id == id))];
    }
}
