namespace Tuner.Workloads;

/// <summary>A hyperparameter a workload understands, with the value it takes when a trial does not give one. The type
/// of <paramref name="Default"/> is the parameter's type: <see cref="int"/> (a sweep may search it as int or
/// categorical), <see cref="double"/> (float, int or categorical) or <see cref="string"/> (categorical).</summary>
public sealed record WorkloadParameter(string Name, string Description, object Default);
