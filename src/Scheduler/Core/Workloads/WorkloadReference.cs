namespace Tuner.Core.Workloads;

/// <summary>What a definition's <c>workload:</c> names: a built-in kind, or <see cref="WorkloadKinds.Plugin"/> with the
/// SHA-256 of an uploaded bundle and, when the bundle holds several workloads, the class to use.</summary>
public sealed record WorkloadReference(string Kind, BundleDigest? Bundle = null, string? Type = null);
