using Tuner.Workloads;

namespace Tuner.Trainer;

/// <summary>Scores a trial's checkpoint on its workload's held-out test data.</summary>
public static class WorkloadEvaluation
{
    /// <summary>The metrics of the model in <paramref name="checkpoint"/> (a checkpoint <see cref="TrialRunner"/> wrote
    /// for <paramref name="spec"/>) on the test data, or null when the workload keeps none.</summary>
    public static async Task<IReadOnlyDictionary<string, double>?> TestAsync(
        IWorkload workload, TrialSpec spec, TrainingEnvironment env, Stream checkpoint, CancellationToken ct)
    {
        var saved = await TrialCheckpoint.ReadAsync(checkpoint, ct);
        using var session = await new GuardedWorkload(workload, spec).OpenSessionAsync(env, ct);
        session.LoadState(saved);
        return session.Test();
    }
}
