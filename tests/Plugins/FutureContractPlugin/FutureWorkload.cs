using Tuner.Workloads;

namespace FutureContractPlugin;

/// <summary>A workload that would be fine, but for the contract version it was built against.</summary>
public sealed class FutureWorkload : IWorkload
{
    public string Kind => "future";

    public IReadOnlyList<WorkloadParameter> Parameters => [];

    public IReadOnlyList<WorkloadOption> Options => [];

    public IReadOnlyList<WorkloadMetric> Metrics => [new("val_loss", MetricGoal.Minimize)];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters) => [];

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options) => [];

    public Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct) =>
        throw new WorkloadException("a 1.x worker never gets this far");
}
