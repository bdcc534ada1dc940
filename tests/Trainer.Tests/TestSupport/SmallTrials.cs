using Tuner.Trainer.Workloads.MnistMlp;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>Trials on real MNIST subsets (2,000 training, 500 validation samples) that take a second or two.</summary>
public static class SmallTrials
{
    public const int TrainSamples = 2_000;
    public const int BatchSize = 64;
    public const int BatchesPerEpoch = (TrainSamples + BatchSize - 1) / BatchSize;

    public static MnistMlpWorkload Workload { get; } = new();

    public static TrialSpec Spec(int maxEpochs = 3, int seed = 7, params (string Name, object Value)[] overrides)
    {
        var parameters = new Dictionary<string, object> { ["batch_size"] = BatchSize, ["hidden_units"] = 64, ["dropout"] = 0.2 };
        foreach (var (name, value) in overrides) parameters[name] = value;
        var options = new Dictionary<string, object> { ["train_samples"] = (long)TrainSamples, ["validation_samples"] = 500L };
        return new TrialSpec(MnistMlpWorkload.Name, parameters, options, maxEpochs, seed);
    }

    public static async Task<TrainingEnvironment> EnvironmentAsync() => new(await MnistDirectory.GetAsync(), Threads: 1);

    /// <summary>Runs <paramref name="spec"/> on mnist-mlp, checkpointing every <paramref name="checkpointEvery"/> epochs.</summary>
    public static async Task<TrialOutcome> RunAsync(
        TrialSpec spec, ITrialHost host, CancellationToken preemption, CancellationToken abort = default, int checkpointEvery = 1,
        TrainingEnvironment? environment = null) =>
        await TrialRunner.RunAsync(
            Workload, spec, new CheckpointPolicy(checkpointEvery), environment ?? await EnvironmentAsync(), host, preemption, abort);
}
