namespace Tuner.Workloads;

/// <summary>One trial as its workload sees it: its hyperparameters, the sweep's fixed options, how many epochs it
/// trains at most, and the seed every random choice (initial weights, data order, dropout) is drawn from.</summary>
/// <param name="Workload">The workload's <see cref="IWorkload.Kind"/>.</param>
public sealed record TrialSpec(
    string Workload,
    IReadOnlyDictionary<string, object> Params,
    IReadOnlyDictionary<string, object> Options,
    int MaxEpochs,
    int Seed);
