namespace Tuner.Workloads;

/// <summary>A metric a workload reports after each epoch, and the direction a sweep optimises it in by default.</summary>
public sealed record WorkloadMetric(string Name, MetricGoal Goal);

/// <summary>Whether larger or smaller values of a metric are better.</summary>
public enum MetricGoal
{
    Maximize,
    Minimize,
}
