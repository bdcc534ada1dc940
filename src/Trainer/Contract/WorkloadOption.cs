namespace Tuner.Workloads;

/// <summary>A fixed setting of a workload, written beside its kind in a sweep definition
/// (<c>workload: { kind: tabular-mlp, data: churn.csv, target: churned }</c>). Values reach the workload as
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or a list of those.</summary>
/// <param name="Required">Whether a sweep must give it.</param>
public sealed record WorkloadOption(string Name, string Description, bool Required = false);
