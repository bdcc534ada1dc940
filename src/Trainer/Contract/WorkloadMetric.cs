namespace Tuner.Workloads;

/// <summary>A metric a workload reports after each epoch, and the direction a sweep optimises it in by default.</summary>
public sealed record WorkloadMetric(string Name, MetricGoal Goal)
{
    /// <summary>The mean training loss over the epoch's batches, which the trial loop reports for every workload
    /// besides its own <see cref="IWorkload.Metrics"/>.</summary>
    public static WorkloadMetric TrainLoss { get; } = new("train_loss", MetricGoal.Minimize);
}

/// <summary>Whether larger or smaller values of a metric are better.</summary>
public enum MetricGoal
{
    Maximize,
    Minimize,
}
