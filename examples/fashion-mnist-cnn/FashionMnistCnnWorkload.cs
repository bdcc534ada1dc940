using Tuner.Workloads;

namespace FashionMnistCnn;

/// <summary>"fashion-mnist-cnn": a small convolutional network on Fashion-MNIST (28x28 grayscale images of clothes in
/// 10 classes). Of the 70,000 images, a fixed split (<see cref="FashionMnistData"/>) keeps 54,000 for training, 6,000
/// for validation and 10,000 for <see cref="ITrainingSession.Test"/>. The options <c>train_samples</c> and
/// <c>validation_samples</c> take prefixes of the first two parts, for quick sweeps.</summary>
/// <remarks>The worker builds one instance with the public parameterless constructor and uses it for many trials, so
/// it holds no per-trial state.</remarks>
public sealed class FashionMnistCnnWorkload : IWorkload
{
    public const string Name = "fashion-mnist-cnn";

    public string Kind => Name;

    public IReadOnlyList<WorkloadParameter> Parameters => FashionMnistCnnParameters.Declared;

    public IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("train_samples", $"train on the first N of the {FashionMnistData.TrainingCount:N0} training images (default: all)"),
        new("validation_samples", $"validate on the first N of the {FashionMnistData.ValidationCount:N0} validation images (default: all)"),
    ];

    public IReadOnlyList<WorkloadMetric> Metrics { get; } =
        [new("val_accuracy", MetricGoal.Maximize), new("val_loss", MetricGoal.Minimize)];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters)
    {
        FashionMnistCnnParameters.Read(parameters, out var problems);
        return problems;
    }

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options) => ReadOptions(options).Problems;

    public async Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct)
    {
        var parameters = FashionMnistCnnParameters.Read(spec.Params, out var problems);
        var options = ReadOptions(spec.Options);
        if (problems.Count + options.Problems.Count > 0)
            throw new WorkloadException($"invalid {Kind} trial: {string.Join("; ", problems.Concat(options.Problems))}");
        var data = await FashionMnistData.LoadAsync(environment.DataDirectory, ct);
        return new FashionMnistCnnSession(data, parameters, options, spec.Seed, environment);
    }

    private SampleCounts ReadOptions(IReadOnlyDictionary<string, object> values)
    {
        var reader = new WorkloadOptionReader(values, Options);
        var train = reader.Integer("train_samples", min: 1);
        var validation = reader.Integer("validation_samples", min: 1);
        var problems = reader.Problems.ToList();
        if (train > FashionMnistData.TrainingCount)
            problems.Add($"option 'train_samples' must be at most {FashionMnistData.TrainingCount}, but got {train}");
        if (validation > FashionMnistData.ValidationCount)
            problems.Add($"option 'validation_samples' must be at most {FashionMnistData.ValidationCount}, but got {validation}");
        return new SampleCounts(
            (int)Math.Min(train ?? FashionMnistData.TrainingCount, FashionMnistData.TrainingCount),
            (int)Math.Min(validation ?? FashionMnistData.ValidationCount, FashionMnistData.ValidationCount),
            problems);
    }
}

/// <summary>The options of <see cref="FashionMnistCnnWorkload"/>: how many training and validation images to use.</summary>
internal sealed record SampleCounts(int TrainSamples, int ValidationSamples, IReadOnlyList<string> Problems);
