using Tuner.Trainer.Checkpoints.Compression;
using Tuner.TestSupport.Sweeps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using static Tuner.Scheduler.Tests.Checkpoints.S3TrialScenario;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.S3;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>Digests recorded on save, and what retention and the janitor do with Unusable checkpoints, on real
/// PostgreSQL and a real S3 server (fauxqs).</summary>
[Collection("postgres")]
public sealed class CheckpointDigestTests(PostgresServerFixture postgres, S3ServerFixture s3) : IClassFixture<S3ServerFixture>
{
    [Fact]
    public async Task Save_RecordsTheSha256AndSizeOfTheCompressedBytes_AsStoredInS3_AndTheContentSize()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_digest");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);

        var rows = await CheckpointsAsync(harness, saved.TrialId);

        Assert.Equal(2, rows.Count);
        foreach (var (row, bytes) in rows.Zip([saved.Epoch1, saved.Epoch2]))
        {
            var stored = await ReadAsync(store, row.Key);
            Assert.Equal(CheckpointDigest.Sha256Of(stored), row.Sha256);
            Assert.Equal(stored.Length, row.SizeBytes);
            Assert.Equal((bytes.Length, "brotli"), (row.ContentBytes, row.Compression));
            Assert.Equal(store.UriOf(row.Key), row.Uri);
            Assert.StartsWith("s3://", row.Uri);
        }
    }

    [Fact]
    public async Task Save_StoresTheWorkloadsBytesAsTheyAre_WhenCompressionIsOff_AndTheyReadBack()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_uncompressed");
        var store = s3.NewStore(s3.NewLocation());
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var host = HostOn(harness, await new StepWorker(harness, "worker-a").StartAsync(trialId), store, CheckpointCompression.None);
        var bytes = Bytes(3);
        await ReportAsync(host, 1, 0.9);
        await host.SaveCheckpointAsync(new TrainingPosition(1, 0), new MemoryStream(bytes), CancellationToken.None);

        var row = Assert.Single(await CheckpointsAsync(harness, trialId));

        Assert.Equal((bytes.Length, bytes.Length, (string?)null), (row.SizeBytes, row.ContentBytes, row.Compression));
        Assert.Equal(bytes, await ReadAsync(store, row.Key));
        Assert.Equal(bytes, await ResumeOnWorkerBAsync(harness, store, trialId));
    }

    [Fact]
    public async Task Retention_IgnoresUnusableCheckpoints_AfterAFallback()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_retention");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        await store.DeleteAsync((await CheckpointsAsync(harness, saved.TrialId))[1].Key, CancellationToken.None);
        await harness.ExpireLeaseAsync(saved.TrialId);
        var contextB = await new StepWorker(harness, "worker-b").StartAsync(saved.TrialId);
        var hostB = HostOn(harness, contextB, store);
        await (await hostB.OpenLatestCheckpointAsync(CancellationToken.None))!.DisposeAsync();

        await ReportAsync(hostB, 2, 0.6);
        await hostB.SaveCheckpointAsync(new TrainingPosition(2, 0), new MemoryStream(Bytes(3)), CancellationToken.None);
        await ReportAsync(hostB, 3, 0.7);
        await hostB.SaveCheckpointAsync(new TrainingPosition(3, 0), new MemoryStream(Bytes(4)), CancellationToken.None);

        var rows = await CheckpointsAsync(harness, saved.TrialId);
        Assert.Equal(
            [(1, CheckpointState.Live), (2, CheckpointState.Unusable), (2, CheckpointState.Deleted), (3, CheckpointState.Live)],
            rows.Select(c => (c.Epoch, c.State)));
    }

    [Fact]
    public async Task Janitor_DeletesTheObjectOfAnUnusableCheckpoint_ThatACrashLeftBehind()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_janitor");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var newest = (await CheckpointsAsync(harness, saved.TrialId))[1];
        await using (var db = await harness.DbAsync())
        {
            await db.Checkpoints.Where(c => c.Id == newest.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, CheckpointState.Unusable).SetProperty(c => c.Problem, "sha256 mismatch: test"));
        }

        var contexts = harness.Get<IDbContextFactory<TunerDbContext>>();
        await new CheckpointJanitor(contexts, store, TimeProvider.System, NullLogger<CheckpointJanitor>.Instance)
            .DeletePendingAsync(CancellationToken.None);

        var row = (await CheckpointsAsync(harness, saved.TrialId))[1];
        Assert.Equal((CheckpointState.Unusable, "sha256 mismatch: test"), (row.State, row.Problem));
        Assert.NotNull(row.DeletedAt);
        Assert.Null(await store.OpenReadAsync(newest.Key, CancellationToken.None));
    }
}
