using Tuner.Trainer.Data;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>"mnist-mlp": a multi-layer perceptron on MNIST. Trains on 54,000 of the 60,000 training images, validates
/// on the other 6,000 (a fixed split), and keeps the 10,000 test images for <see cref="ITrainingSession.Test"/>. The
/// options <c>train_samples</c> and <c>validation_samples</c> take prefixes of the two parts.</summary>
public sealed class MnistMlpWorkload : IWorkload
{
    public const string Name = "mnist-mlp";

    public string Kind => Name;

    public IReadOnlyList<WorkloadParameter> Parameters => MnistMlpParameters.Declared;

    public IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("train_samples", "train on the first N of the 54,000 training images (default: all)"),
        new("validation_samples", "validate on the first N of the 6,000 validation images (default: all)"),
    ];

    public IReadOnlyList<WorkloadMetric> Metrics { get; } =
        [new("val_accuracy", MetricGoal.Maximize), new("val_loss", MetricGoal.Minimize)];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters)
    {
        MnistMlpParameters.Read(parameters, out var problems);
        return problems;
    }

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options) => ReadOptions(options).Problems;

    public async Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct)
    {
        var parameters = MnistMlpParameters.Read(spec.Params, out var problems);
        var options = ReadOptions(spec.Options);
        if (problems.Count + options.Problems.Count > 0)
            throw new WorkloadException($"invalid {Kind} trial: {string.Join("; ", problems.Concat(options.Problems))}");
        var data = await MnistData.LoadAsync(environment.DataDirectory, ct);
        if (options.TrainSamples > data.TrainingPart.Count || options.ValidationSamples > data.ValidationPart.Count)
        {
            throw new WorkloadException(
                $"{Kind} has {data.TrainingPart.Count} training and {data.ValidationPart.Count} validation samples, but got " +
                $"train_samples={options.TrainSamples}, validation_samples={options.ValidationSamples}");
        }
        return new MnistMlpSession(data, parameters, options, spec.Seed, environment);
    }

    private MnistMlpOptions ReadOptions(IReadOnlyDictionary<string, object> values)
    {
        var reader = new WorkloadOptionReader(values, Options);
        var train = reader.Integer("train_samples", min: 1);
        var validation = reader.Integer("validation_samples", min: 1);
        return new MnistMlpOptions(AsCount(train), AsCount(validation), reader.Problems);
    }

    private static int? AsCount(long? value) => value is { } v ? (int)Math.Min(v, int.MaxValue) : null;
}
