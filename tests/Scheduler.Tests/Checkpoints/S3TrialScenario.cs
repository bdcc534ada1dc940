using Tuner.Trainer.Checkpoints.Compression;
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
using Tuner.Core.Events;
using Tuner.TestSupport.Sweeps;
using Tuner.Persistence.Leases;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduler.Tests.Checkpoints;

/// <summary>
/// The trial that the S3 checkpoint tests start from: worker A reports val_accuracy 0.9 then 0.5 and checkpoints 200 kB
/// of random bytes after epochs 1 and 2 (both stay Live: the latest and the best) through <see cref="FencedTrialHost"/>
/// on the given store; worker B can then take the trial over once A's lease has run out.
/// </summary>
public static class S3TrialScenario
{
    public sealed record Saved(long SweepId, long TrialId, TrialContext ContextA, byte[] Epoch1, byte[] Epoch2);

    public static async Task<Saved> SaveTwoCheckpointsAsync(SchedulerHarness harness, ICheckpointStore store)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1, parallelism: 1));
        var trialId = (await harness.TrialsAsync(sweepId)).Single().Id;
        var context = await new StepWorker(harness, "worker-a").StartAsync(trialId);
        var host = HostOn(harness, context, store);
        var saved = new Saved(sweepId, trialId, context, Bytes(1), Bytes(2));
        await ReportAsync(host, 1, 0.9);
        await host.SaveCheckpointAsync(new TrainingPosition(1, 0), new MemoryStream(saved.Epoch1), CancellationToken.None);
        await ReportAsync(host, 2, 0.5);
        await host.SaveCheckpointAsync(new TrainingPosition(2, 0), new MemoryStream(saved.Epoch2), CancellationToken.None);
        return saved;
    }

    /// <summary>Worker A's lease runs out; worker B takes the trial and opens its latest checkpoint (null: none).</summary>
    public static async Task<byte[]?> ResumeOnWorkerBAsync(SchedulerHarness harness, ICheckpointStore store, long trialId)
    {
        await harness.ExpireLeaseAsync(trialId);
        var context = await new StepWorker(harness, "worker-b").StartAsync(trialId);
        await using var stream = await HostOn(harness, context, store).OpenLatestCheckpointAsync(CancellationToken.None);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static FencedTrialHost HostOn(
        SchedulerHarness harness, TrialContext context, ICheckpointStore store, CheckpointCompression compression = CheckpointCompression.Brotli)
    {
        var contexts = harness.Get<IDbContextFactory<TunerDbContext>>();
        var janitor = new CheckpointJanitor(contexts, store, TimeProvider.System, NullLogger<CheckpointJanitor>.Instance);
        return new FencedTrialHost(context, harness.Get<FencedTransaction>(), contexts, store, compression, janitor, harness.Get<TunerMetrics>(), TimeProvider.System, NullLogger.Instance);
    }

    public static Task<PruneDecision> ReportAsync(FencedTrialHost host, int epoch, double value) => host.ReportAsync(
        new EpochReport(epoch, new Dictionary<string, double> { ["val_accuracy"] = value }, TimeSpan.FromSeconds(1)),
        CancellationToken.None);

    public static byte[] Bytes(int seed)
    {
        var bytes = new byte[200_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAsync(ICheckpointStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static async Task<List<Checkpoint>> CheckpointsAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.Checkpoints.AsNoTracking().Where(c => c.TrialId == trialId).OrderBy(c => c.Id).ToListAsync();
    }

    public static async Task<List<SweepEvent>> EventsAsync(SchedulerHarness harness, long sweepId)
    {
        await using var db = await harness.DbAsync();
        return await db.SweepEvents.AsNoTracking()
            .Where(e => e.SweepId == sweepId && e.Kind == SweepEventKinds.CheckpointFallback).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<(int Epoch, int Batch)> LatestRunResumedAtAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        var run = await db.TrialRuns.AsNoTracking().Where(r => r.TrialId == trialId).OrderByDescending(r => r.Id).FirstAsync();
        return (run.ResumedEpoch, run.ResumedBatch);
    }
}
