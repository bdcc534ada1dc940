using Tuner.Trainer.Data;

namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>"mnist-mlp": a multi-layer perceptron on MNIST. Trains on 54,000 of the 60,000 training images, validates
/// on the other 6,000 (a fixed split), and keeps the 10,000 test images for <see cref="EvaluateTestAccuracyAsync"/>.</summary>
public sealed class MnistMlpWorkload : IWorkload
{
    public string Kind => "mnist-mlp";

    public IReadOnlyList<WorkloadParameter> Parameters => MnistMlpParameters.Declared;

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters)
    {
        MnistMlpParameters.Read(parameters, out var problems);
        return problems;
    }

    public async Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment env, CancellationToken ct)
    {
        var parameters = MnistMlpParameters.Read(spec.Params, out var problems);
        var settingProblems = spec.Settings.Validate();
        if (problems.Count + settingProblems.Count > 0)
            throw new TrialFailedException($"invalid {Kind} trial: {string.Join("; ", problems.Concat(settingProblems))}");
        if (env.Threads < 1) throw new TrialFailedException($"threads must be at least 1, but got threads={env.Threads}");
        var data = await MnistData.LoadAsync(env.DataDirectory, ct);
        if (spec.Settings.TrainSamples > data.TrainingPart.Count || spec.Settings.ValidationSamples > data.ValidationPart.Count)
        {
            throw new TrialFailedException(
                $"{Kind} has {data.TrainingPart.Count} training and {data.ValidationPart.Count} validation samples, but got " +
                $"train_samples={spec.Settings.TrainSamples}, validation_samples={spec.Settings.ValidationSamples}");
        }
        return new MnistMlpSession(data, parameters, spec, env);
    }

    public async Task<double> EvaluateTestAccuracyAsync(TrialSpec spec, TrainingEnvironment env, Stream checkpoint, CancellationToken ct)
    {
        var saved = await TrialCheckpoint.ReadAsync(checkpoint, ct);
        using var session = await OpenSessionAsync(spec, env, ct);
        session.LoadState(new MemoryStream(saved.State, writable: false));
        return session.TestAccuracy();
    }
}
