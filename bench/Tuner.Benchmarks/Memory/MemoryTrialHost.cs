using Tuner.Trainer;

namespace Tuner.Benchmarks.Memory;

/// <summary>A trial host that keeps the latest checkpoint in memory, never prunes, and (when asked) preempts the run
/// after a number of batches. Every call yields to a timer first, as a worker's database and storage calls do, so
/// training continues on whichever thread-pool thread picks it up: libtorch and the C allocator keep per-thread state,
/// and a benchmark pinned to one thread would hide what that costs.</summary>
internal sealed class MemoryTrialHost : ITrialHost, IBatchObserver, IDisposable
{
    private byte[]? _latest;
    private int _batches;

    /// <summary>Fires after <see cref="PreemptAfterBatches"/> batches of the current run.</summary>
    public CancellationTokenSource Preemption { get; private set; } = new();

    public int? PreemptAfterBatches { get; set; }

    /// <summary>Starts a new run of the same trial: the checkpoint stays, the batch count and the preemption reset.</summary>
    public void NextRun()
    {
        Preemption.Dispose();
        Preemption = new CancellationTokenSource();
        _batches = 0;
        PreemptAfterBatches = null;
    }

    public void Dispose() => Preemption.Dispose();

    public void BatchCompleted(TrainingPosition position)
    {
        if (++_batches == PreemptAfterBatches) Preemption.Cancel();
    }

    public async Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct)
    {
        await Task.Delay(1, ct);
        return _latest is null ? null : new MemoryStream(_latest, writable: false);
    }

    public async Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct)
    {
        await Task.Delay(1, ct);
        return PruneDecision.Continue;
    }

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        await Task.Delay(1, ct);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        _latest = copy.ToArray();
    }
}
