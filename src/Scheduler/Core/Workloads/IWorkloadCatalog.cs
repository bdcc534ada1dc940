namespace Tuner.Core.Workloads;

/// <summary>
/// The workloads a sweep may name: the built-in kinds, and plugins (a team's own model in an uploaded bundle). The
/// definition reader asks it for the workload a definition names, so every space entry, option and objective is
/// checked against that workload's own declarations at submission.
/// </summary>
public interface IWorkloadCatalog
{
    /// <summary>The kinds a definition's <c>workload.kind</c> may take (built-ins, then <see cref="WorkloadKinds.Plugin"/>).</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>The workload <paramref name="reference"/> names, or why it cannot be had (an unknown bundle, a bundle
    /// whose plugin does not load).</summary>
    Task<WorkloadResolution> ResolveAsync(WorkloadReference reference, CancellationToken ct);
}
