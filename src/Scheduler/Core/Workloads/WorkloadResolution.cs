using Tuner.Workloads;

namespace Tuner.Core.Workloads;

/// <summary>The workload a reference names, or the problem that prevents it, with the key under <c>workload:</c> the
/// problem belongs to (<c>bundle</c>, <c>type</c>).</summary>
public sealed record WorkloadResolution(IWorkload? Workload, string? Problem = null, string? ProblemKey = null)
{
    public static WorkloadResolution Found(IWorkload workload) => new(workload);

    public static WorkloadResolution Failed(string key, string problem) => new(null, problem, key);
}
