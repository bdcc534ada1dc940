namespace Tuner.Trainer;

/// <summary>When a run checkpoints, besides when it ends and when it is preempted: at the end of every
/// <paramref name="EveryEpochs"/>-th epoch, and, when <paramref name="Interval"/> is set, at the first batch boundary
/// after that much training time has passed since the last checkpoint (so a long epoch loses at most an interval to a
/// crash).</summary>
public sealed record CheckpointPolicy(int EveryEpochs = 1, TimeSpan? Interval = null)
{
    public static CheckpointPolicy Default { get; } = new();
}
