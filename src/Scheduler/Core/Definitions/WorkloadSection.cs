using Tuner.Core.Workloads;
using Tuner.Workloads;

namespace Tuner.Core.Definitions;

/// <summary>The workload every trial runs: its kind (a built-in, <see cref="WorkloadKinds.Plugin"/> with a bundle, or
/// <see cref="WorkloadKinds.Command"/>), at most how many epochs (steps) a trial trains, and the workload's options as
/// written beside the kind.</summary>
/// <param name="Workload">The workload itself, as the catalog resolved it: its parameters, options and metrics checked
/// the definition, and a worker runs its sessions. Null for a command, which is a program rather than a workload.</param>
public sealed record WorkloadSection(string Kind, int MaxEpochs, IReadOnlyDictionary<string, object> Options, IWorkload? Workload)
{
    /// <summary>The plugin bundle (<see cref="WorkloadKinds.Plugin"/> only).</summary>
    public BundleDigest? Bundle { get; init; }

    /// <summary>The plugin's class, when the definition names one.</summary>
    public string? Type { get; init; }

    /// <summary>The program (<see cref="WorkloadKinds.Command"/> only).</summary>
    public CommandSection? Command { get; init; }

    public WorkloadReference Reference => new(Kind, Bundle, Type);

    /// <summary>The name trials and checkpoints record: the workload's own kind, or "command".</summary>
    public string Name => Workload?.Kind ?? Kind;
}
