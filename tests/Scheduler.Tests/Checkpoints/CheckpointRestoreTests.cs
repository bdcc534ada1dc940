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
using Tuner.Core.Events;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.S3;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// Verified restore on real PostgreSQL and a real S3 server (fauxqs), from <see cref="S3TrialScenario"/>'s two
/// checkpoints: worker A's lease expires, worker B resumes and checks what it reads against the recorded SHA-256.
/// </summary>
[Collection("postgres")]
public sealed class CheckpointRestoreTests(PostgresServerFixture postgres, S3ServerFixture s3) : IClassFixture<S3ServerFixture>
{
    [Fact]
    public async Task Restore_ReturnsTheNewestCheckpoint_WhenItsDigestMatches()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_newest");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);

        var restored = await ResumeOnWorkerBAsync(harness, store, saved.TrialId);

        Assert.Equal(saved.Epoch2, restored);
        Assert.All(await CheckpointsAsync(harness, saved.TrialId), c => Assert.Equal(CheckpointState.Live, c.State));
        Assert.Empty(await EventsAsync(harness, saved.SweepId));
    }

    [Fact]
    public async Task Restore_FallsBackToThePreviousCheckpoint_WhenTheNewestIsCorrupt()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_corrupt");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var newest = (await CheckpointsAsync(harness, saved.TrialId))[1];
        var corrupt = await ReadAsync(store, newest.Key);
        corrupt[1000] ^= 0xFF;
        await store.WriteAsync(newest.Key, new MemoryStream(corrupt), CancellationToken.None);

        var restored = await ResumeOnWorkerBAsync(harness, store, saved.TrialId);

        Assert.Equal(saved.Epoch1, restored);
        var rows = await CheckpointsAsync(harness, saved.TrialId);
        Assert.Equal(CheckpointState.Live, rows[0].State);
        Assert.Equal(CheckpointState.Unusable, rows[1].State);
        var problem = $"sha256 mismatch: recorded {newest.Sha256}, read {CheckpointDigest.Sha256Of(corrupt)}";
        Assert.Equal(problem, rows[1].Problem);
        Assert.NotNull(rows[1].DeletedAt);
        Assert.Null(await store.OpenReadAsync(newest.Key, CancellationToken.None));
        var fallback = Assert.Single(await EventsAsync(harness, saved.SweepId));
        Assert.Equal((saved.TrialId, SweepEventKinds.CheckpointFallback), (fallback.TrialId!.Value, fallback.Kind));
        Assert.Equal($"checkpoint at epoch 2 batch 0 is unusable ({problem}); resuming from epoch 1 batch 0", fallback.Message);
        Assert.Equal((1, 0), await LatestRunResumedAtAsync(harness, saved.TrialId));
    }

    [Fact]
    public async Task Restore_FallsBackToThePreviousCheckpoint_WhenTheNewestIsMissing()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_missing");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var newest = (await CheckpointsAsync(harness, saved.TrialId))[1];
        await store.DeleteAsync(newest.Key, CancellationToken.None);

        var restored = await ResumeOnWorkerBAsync(harness, store, saved.TrialId);

        Assert.Equal(saved.Epoch1, restored);
        var rows = await CheckpointsAsync(harness, saved.TrialId);
        Assert.Equal([CheckpointState.Live, CheckpointState.Unusable], rows.Select(c => c.State));
        Assert.Equal($"missing from {newest.Uri}", rows[1].Problem);
        var fallback = Assert.Single(await EventsAsync(harness, saved.SweepId));
        Assert.Equal(
            $"checkpoint at epoch 2 batch 0 is unusable (missing from {newest.Uri}); resuming from epoch 1 batch 0",
            fallback.Message);
    }

    [Fact]
    public async Task Restore_StartsFromScratch_AndSaysSo_WhenNoCheckpointIsUsable()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_none_left");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var rows = await CheckpointsAsync(harness, saved.TrialId);
        await store.DeleteAsync(rows[1].Key, CancellationToken.None);
        await store.WriteAsync(rows[0].Key, new MemoryStream([1, 2, 3]), CancellationToken.None);

        var restored = await ResumeOnWorkerBAsync(harness, store, saved.TrialId);

        Assert.Null(restored);
        Assert.All(await CheckpointsAsync(harness, saved.TrialId), c => Assert.Equal(CheckpointState.Unusable, c.State));
        var events = await EventsAsync(harness, saved.SweepId);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.EndsWith("; no usable checkpoint left: starting from scratch", e.Message));
        Assert.Equal((0, 0), await LatestRunResumedAtAsync(harness, saved.TrialId));
    }

    [Fact]
    public async Task Restore_AcceptsACheckpointUnverified_WhenItsRowHasNoDigest()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_no_digest");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var newest = (await CheckpointsAsync(harness, saved.TrialId))[1];
        await using (var db = await harness.DbAsync())
        {
            // A row from before digests and compression were recorded.
            await db.Checkpoints.Where(c => c.Id == newest.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Sha256, (string?)null)
                .SetProperty(c => c.Compression, (string?)null));
        }

        await store.WriteAsync(newest.Key, new MemoryStream([4, 5, 6]), CancellationToken.None);

        var restored = await ResumeOnWorkerBAsync(harness, store, saved.TrialId);

        Assert.Equal([4, 5, 6], restored);
        Assert.Empty(await EventsAsync(harness, saved.SweepId));
    }

    [Fact]
    public async Task Restore_WritesNothing_WhenTheWorkerLostItsLease()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "restore_fenced");
        var store = s3.NewStore(s3.NewLocation());
        var saved = await SaveTwoCheckpointsAsync(harness, store);
        var newest = (await CheckpointsAsync(harness, saved.TrialId))[1];
        await store.DeleteAsync(newest.Key, CancellationToken.None);
        await harness.ExpireLeaseAsync(saved.TrialId);
        await new StepWorker(harness, "worker-b").StartAsync(saved.TrialId);

        await Assert.ThrowsAsync<LeaseLostException>(() => HostOn(harness, saved.ContextA, store).OpenLatestCheckpointAsync(CancellationToken.None));

        Assert.All(await CheckpointsAsync(harness, saved.TrialId), c => Assert.Equal(CheckpointState.Live, c.State));
        Assert.Empty(await EventsAsync(harness, saved.SweepId));
    }
}
