using Tuner.Workloads;

namespace SamplePlugins;

/// <summary>A workload whose constructor throws, as a plugin with a bad static setup does.</summary>
public sealed class BrokenConstructorWorkload : IWorkload
{
    public BrokenConstructorWorkload() => throw new InvalidOperationException("the sample plugin refuses to be built");

    public string Kind => "broken";

    public IReadOnlyList<WorkloadParameter> Parameters => [];

    public IReadOnlyList<WorkloadOption> Options => [];

    public IReadOnlyList<WorkloadMetric> Metrics => [];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters) => [];

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options) => [];

    public Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct) =>
        throw new InvalidOperationException("never built");
}
