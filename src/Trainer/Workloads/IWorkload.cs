namespace Tuner.Trainer.Workloads;

/// <summary>A kind of training job a trial can run (for example "mnist-mlp").</summary>
public interface IWorkload
{
    string Kind { get; }

    IReadOnlyList<WorkloadParameter> Parameters { get; }

    /// <summary>Problems with <paramref name="parameters"/> (unknown names, wrong types, values out of range), each
    /// naming the parameter and the value; empty when they are valid. Missing parameters take their defaults.</summary>
    IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters);

    /// <summary>Loads the data and builds a freshly initialized model and optimizer for <paramref name="spec"/>.
    /// Throws <see cref="TrialFailedException"/> when the spec cannot be trained.</summary>
    Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment env, CancellationToken ct);

    /// <summary>The accuracy on the held-out test set of the model in <paramref name="checkpoint"/> (a checkpoint that
    /// <see cref="TrialRunner"/> wrote for <paramref name="spec"/>).</summary>
    Task<double> EvaluateTestAccuracyAsync(TrialSpec spec, TrainingEnvironment env, Stream checkpoint, CancellationToken ct);
}
