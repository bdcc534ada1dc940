namespace Tuner.Trainer.Workloads;

/// <summary>A hyperparameter a workload understands, with the value it takes when a trial does not give one.</summary>
public sealed record WorkloadParameter(string Name, string Description, object Default);
