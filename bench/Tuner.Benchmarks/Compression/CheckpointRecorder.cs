using Tuner.Trainer;

namespace Tuner.Benchmarks.Compression;

/// <summary>A trial host that keeps a copy of every checkpoint the runner writes, in order, starts every trial from
/// scratch and never prunes.</summary>
internal sealed class CheckpointRecorder : ITrialHost
{
    private readonly List<RecordedCheckpoint> _checkpoints = [];

    public IReadOnlyList<RecordedCheckpoint> Checkpoints => _checkpoints;

    public Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct) => Task.FromResult<Stream?>(null);

    public Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct) => Task.FromResult(PruneDecision.Continue);

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        _checkpoints.Add(new RecordedCheckpoint(position, copy.ToArray()));
    }
}

/// <summary>One checkpoint's bytes as the runner wrote them, and where in training it was taken.</summary>
internal sealed record RecordedCheckpoint(TrainingPosition Position, byte[] Content);
