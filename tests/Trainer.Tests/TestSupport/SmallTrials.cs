namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>Trials on real MNIST subsets (2,000 training, 500 validation samples) that take a second or two.</summary>
public static class SmallTrials
{
    public const int TrainSamples = 2_000;
    public const int BatchSize = 64;
    public const int BatchesPerEpoch = (TrainSamples + BatchSize - 1) / BatchSize;

    public static TrialSpec Spec(int maxEpochs = 3, int checkpointEvery = 1, int seed = 7, params (string Name, object Value)[] overrides)
    {
        var parameters = new Dictionary<string, object> { ["batch_size"] = BatchSize, ["hidden_units"] = 64, ["dropout"] = 0.2 };
        foreach (var (name, value) in overrides) parameters[name] = value;
        return new TrialSpec("mnist-mlp", parameters, new WorkloadSettings(maxEpochs, checkpointEvery, TrainSamples, 500), seed);
    }

    public static async Task<TrainingEnvironment> EnvironmentAsync() => new(await MnistDirectory.GetAsync(), Threads: 1);
}
