namespace Tuner.Workloads;

/// <summary>A fixed setting of a workload, written beside its kind in a sweep definition
/// (<c>workload: { kind: tabular-mlp, data: churn.csv, target: churned }</c>). Values reach the workload as
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or a list of those.</summary>
/// <param name="Required">Whether a sweep must give it.</param>
/// <param name="IsLocation">The value is where data lives: a local path or an <c>s3://</c> URI. <c>tuner run</c> and
/// <c>tuner submit</c> turn a relative local path into an absolute one, relative to the definition file's folder.</param>
public sealed record WorkloadOption(string Name, string Description, bool Required = false, bool IsLocation = false);
