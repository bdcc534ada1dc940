namespace Tuner.Trainer;

/// <summary>Where training stands: <paramref name="Epoch"/> epochs fully completed, and <paramref name="Batch"/> batches
/// done inside the next epoch (0 at an epoch boundary).</summary>
public sealed record TrainingPosition(int Epoch, int Batch)
{
    public static TrainingPosition Start { get; } = new(0, 0);

    public override string ToString() => $"epoch {Epoch}, batch {Batch}";
}
