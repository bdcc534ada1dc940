using Tuner.Core.Workloads;
using Tuner.Workloads;

namespace Tuner.Core.Definitions;

/// <summary>The workload every trial runs: its kind (a built-in, or <see cref="WorkloadKinds.Plugin"/> with a bundle), at
/// most how many epochs a trial trains, and the workload's options as written beside the kind.</summary>
/// <param name="Workload">The workload itself, as the catalog resolved it: its parameters, options and metrics checked
/// the definition, and a worker runs its sessions.</param>
public sealed record WorkloadSection(string Kind, int MaxEpochs, IReadOnlyDictionary<string, object> Options, IWorkload Workload)
{
    /// <summary>The plugin bundle (<see cref="WorkloadKinds.Plugin"/> only).</summary>
    public BundleDigest? Bundle { get; init; }

    /// <summary>The plugin's class, when the definition names one.</summary>
    public string? Type { get; init; }

    public WorkloadReference Reference => new(Kind, Bundle, Type);
}
