namespace Tuner.Workloads;

/// <summary>The mean training loss over one batch of <paramref name="Samples"/> samples.</summary>
public readonly record struct BatchResult(double Loss, int Samples);
