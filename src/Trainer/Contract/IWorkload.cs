namespace Tuner.Workloads;

/// <summary>
/// A kind of model Tuner can train: its hyperparameters (what a sweep searches), its options (what a sweep fixes, such
/// as a data location), the metrics its validation reports, and a factory for training sessions. A plugin's class that
/// implements it needs a public parameterless constructor; one instance serves many trials, so it keeps no per-trial
/// state.
/// </summary>
public interface IWorkload
{
    /// <summary>The workload's name, as sweep definitions and trial records show it (for example "mnist-mlp").</summary>
    string Kind { get; }

    /// <summary>The hyperparameters a trial may set; a sweep's space may name only these.</summary>
    IReadOnlyList<WorkloadParameter> Parameters { get; }

    /// <summary>The fixed settings a sweep may give under <c>workload:</c> beside its kind (none is searched).</summary>
    IReadOnlyList<WorkloadOption> Options { get; }

    /// <summary>The metrics <see cref="ITrainingSession.Validate"/> reports; a sweep's objective is one of them.</summary>
    IReadOnlyList<WorkloadMetric> Metrics { get; }

    /// <summary>Problems with <paramref name="parameters"/> (unknown names, wrong types, values out of range), each
    /// naming the parameter and the value; empty when they are valid. Missing parameters take their defaults.</summary>
    IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters);

    /// <summary>Problems with <paramref name="options"/> (a required one missing, a value of the wrong type), each
    /// naming the option; empty when they are valid. Called where the sweep is submitted, so it must not read data.</summary>
    IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options);

    /// <summary>Loads the data and builds a freshly initialized model and optimizer for <paramref name="spec"/>, with
    /// every random choice drawn from <see cref="TrialSpec.Seed"/>. Throws <see cref="WorkloadException"/> when the spec
    /// cannot be trained (its message is the trial's error).</summary>
    Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct);

    /// <summary>
    /// The metrics of <see cref="Metrics"/> for the model in <paramref name="state"/> (what a session of this workload
    /// saved with <see cref="ITrainingSession.SaveState"/>, for <paramref name="spec"/>'s parameters) on the validation
    /// data that <paramref name="spec"/>'s options name, which may be newer data than the model was trained on: Tuner
    /// re-scores a champion model this way on the data its challenger was validated on, so both are compared on the
    /// same held-out rows. The default opens a session for <paramref name="spec"/>, restores the state into it and
    /// validates. Override it when that is wrong for the workload, for example when the session derives something from
    /// its training data (a vocabulary, feature scaling) that the saved model depends on, or to skip loading training
    /// data. Throws <see cref="WorkloadException"/> when the model cannot be scored on this data (its message says why)
    /// and <see cref="InvalidDataException"/> when the state does not fit the model. Since contract 1.1.
    /// </summary>
    async Task<IReadOnlyDictionary<string, double>> EvaluateAsync(TrialSpec spec, Stream state, TrainingEnvironment environment, CancellationToken ct)
    {
        using var session = await OpenSessionAsync(spec, environment, ct);
        session.LoadState(state);
        return session.Validate();
    }
}
