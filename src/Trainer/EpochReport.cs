namespace Tuner.Trainer;

/// <summary>The result of one finished epoch. <paramref name="Epoch"/> is 1-based (the epoch just finished);
/// <paramref name="Metrics"/> holds at least "val_accuracy", "val_loss" and "train_loss"; <paramref name="Duration"/> is
/// the training and validation time of that epoch, summed over preemptions.</summary>
public sealed record EpochReport(int Epoch, IReadOnlyDictionary<string, double> Metrics, TimeSpan Duration);
