using Tuner.Scheduling.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Scheduling.Trials;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Persistence.Leases;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduler.Tests.Support;

/// <summary>
/// A worker's path through the scheduler without the training: take the lease, open a run, report epochs and write
/// checkpoints through <see cref="FencedTrialHost"/>, finish through <see cref="TrialFinalizer"/>. Every step is the real
/// scheduler code a `tuner worker` runs; only TorchSharp is left out.
/// </summary>
public sealed class StepWorker(SchedulerHarness harness, string name)
{
    public WorkerIdentity Identity { get; } = new(name, "test-host", Environment.ProcessId);

    public async Task<TrialContext> StartAsync(long trialId)
    {
        var lease = await harness.Get<TrialLeases>().TryAcquireAsync(trialId, Identity.Id, harness.Settings.LeaseDuration, CancellationToken.None)
            ?? throw new InvalidOperationException($"{Identity.Id} could not take the lease on trial {trialId}");
        var (context, _) = await harness.Get<TrialRunStarter>().StartAsync(lease, Identity, CancellationToken.None)
            ?? throw new InvalidOperationException($"trial {trialId} reached budget.max_lost_runs and ended Failed");
        return context;
    }

    public FencedTrialHost Host(TrialContext context) => new(
        context,
        harness.Get<FencedTransaction>(),
        harness.Get<IDbContextFactory<TunerDbContext>>(),
        harness.Get<ICheckpointStore>(),
        harness.Get<TunerSettings>().CheckpointCompression,
        harness.Get<CheckpointJanitor>(),
        harness.Get<TunerMetrics>(),
        TimeProvider.System,
        NullLogger.Instance);

    /// <summary>Reports the end of <paramref name="epoch"/> with the objective (and the other metrics) at <paramref name="value"/>.</summary>
    public Task<PruneDecision> ReportAsync(TrialContext context, int epoch, double value) =>
        Host(context).ReportAsync(
            new EpochReport(epoch, new Dictionary<string, double> { ["val_accuracy"] = value, ["val_loss"] = 1 - value, ["train_loss"] = 1 - value },
                TimeSpan.FromSeconds(1)),
            CancellationToken.None);

    public async Task CheckpointAsync(TrialContext context, int epoch, int batch)
    {
        using var content = new MemoryStream([1, 2, 3, (byte)epoch, (byte)batch]);
        await Host(context).SaveCheckpointAsync(new TrainingPosition(epoch, batch), content, CancellationToken.None);
    }

    public Task CompleteAsync(TrialContext context) => harness.Get<TrialFinalizer>().CompleteAsync(context, CancellationToken.None);

    /// <summary>Runs a whole trial: one reported epoch with <paramref name="value"/>, then complete.</summary>
    public async Task RunToCompletionAsync(long trialId, double value)
    {
        var context = await StartAsync(trialId);
        await ReportAsync(context, 1, value);
        await CompleteAsync(context);
    }
}
