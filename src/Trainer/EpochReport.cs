namespace Tuner.Trainer;

/// <summary>The result of one finished epoch. <paramref name="Epoch"/> is 1-based (the epoch just finished);
/// <paramref name="Metrics"/> holds what the workload's validation reported (metrics of <see cref="Tuner.Workloads.IWorkload.Metrics"/>;
/// tabular-mlp reports only its task's) and "train_loss"; <paramref name="Duration"/> is
/// the training and validation time of that epoch, summed over preemptions.</summary>
public sealed record EpochReport(int Epoch, IReadOnlyDictionary<string, double> Metrics, TimeSpan Duration);
