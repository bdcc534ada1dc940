namespace Tuner.Trainer;

/// <summary>One trial: a workload kind (see <see cref="Workloads.WorkloadCatalog"/>), its hyperparameters, how long
/// to train, and the seed that makes the run reproducible.</summary>
public sealed record TrialSpec(
    string Workload,
    IReadOnlyDictionary<string, object> Params,
    WorkloadSettings Settings,
    int Seed);
