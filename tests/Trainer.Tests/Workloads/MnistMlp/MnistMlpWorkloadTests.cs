using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.MnistMlp;

namespace Tuner.Trainer.Tests.Workloads.MnistMlp;

public sealed class MnistMlpWorkloadTests
{
    [Fact]
    public async Task EvaluateTestAccuracy_ScoresTheCheckpointedModelOnTheTestImages()
    {
        using var directory = new TemporaryDirectory();
        var store = new FileSystemCheckpointStore(directory.Path);
        var spec = SmallTrials.Spec(maxEpochs: 2);
        var env = await SmallTrials.EnvironmentAsync();
        await TrialRunner.RunAsync(spec, env, new ScriptedTrialHost(store), CancellationToken.None);
        await using var checkpoint = await store.OpenReadAsync("trial/latest.ckpt", CancellationToken.None);

        var accuracy = await new MnistMlpWorkload().EvaluateTestAccuracyAsync(spec, env, checkpoint!, CancellationToken.None);

        Assert.InRange(accuracy, 0.7, 1.0);
    }

    [Fact]
    public async Task OpenSession_Throws_WhenMoreTrainingSamplesAreAskedForThanTheSplitHas()
    {
        var spec = SmallTrials.Spec() with { Settings = new WorkloadSettings(1, TrainSamples: 60_000) };

        var error = await Assert.ThrowsAsync<TrialFailedException>(
            async () => await new MnistMlpWorkload().OpenSessionAsync(spec, await SmallTrials.EnvironmentAsync(), CancellationToken.None));

        Assert.Contains("train_samples=60000", error.Message);
    }
}
