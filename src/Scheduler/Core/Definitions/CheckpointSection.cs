namespace Tuner.Core.Definitions;

/// <summary>How often trials checkpoint: every <paramref name="EveryEpochs"/> epochs, and mid-epoch once
/// <paramref name="Interval"/> of training has passed since the last checkpoint (null: only at epoch ends), so a crash
/// loses at most that much work; and how many finished trials keep their best checkpoint.</summary>
public sealed record CheckpointSection(int EveryEpochs = 1, int KeepBest = 1, TimeSpan? Interval = null)
{
    /// <summary>The interval a definition gets when it does not say.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
}
