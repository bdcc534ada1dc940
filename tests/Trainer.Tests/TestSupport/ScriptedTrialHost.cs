using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>A trial host over a real <see cref="FileSystemCheckpointStore"/> that records what the runner does and
/// can prune at an epoch or raise the preemption notice after a number of batches or epochs.</summary>
public sealed class ScriptedTrialHost(ICheckpointStore store) : ITrialHost, IBatchObserver
{
    private const string LatestKey = "trial/latest.ckpt";

    public CancellationTokenSource Preemption { get; } = new();

    public int? PreemptAfterBatches { get; init; }

    public int? PreemptAfterEpoch { get; init; }

    public int? PruneAtEpoch { get; init; }

    /// <summary>Called with every report, after it is recorded and before the decision is returned.</summary>
    public Action<EpochReport>? AfterReport { get; init; }

    /// <summary>Called on the training thread after every batch.</summary>
    public Action<TrainingPosition>? AfterBatch { get; init; }

    public List<EpochReport> Reports { get; } = [];

    public List<TrainingPosition> SavedPositions { get; } = [];

    public int BatchesSeen { get; private set; }

    public Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct) => store.OpenReadAsync(LatestKey, ct);

    public Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct)
    {
        Reports.Add(report);
        if (report.Epoch == PreemptAfterEpoch) Preemption.Cancel();
        AfterReport?.Invoke(report);
        return Task.FromResult(report.Epoch == PruneAtEpoch ? PruneDecision.Prune : PruneDecision.Continue);
    }

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        SavedPositions.Add(position);
        await store.WriteAsync(LatestKey, content, ct);
    }

    public void BatchCompleted(TrainingPosition position)
    {
        BatchesSeen++;
        if (BatchesSeen == PreemptAfterBatches) Preemption.Cancel();
        AfterBatch?.Invoke(position);
    }
}
