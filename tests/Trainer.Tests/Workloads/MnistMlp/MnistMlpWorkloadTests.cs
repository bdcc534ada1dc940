using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.MnistMlp;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.MnistMlp;

public sealed class MnistMlpWorkloadTests
{
    [Fact]
    public async Task Test_ScoresTheCheckpointedModelOnTheTestImages()
    {
        using var directory = new TemporaryDirectory();
        var store = new FileSystemCheckpointStore(directory.Path);
        var spec = SmallTrials.Spec(maxEpochs: 2);
        var env = await SmallTrials.EnvironmentAsync();
        await SmallTrials.RunAsync(spec, new ScriptedTrialHost(store), CancellationToken.None, environment: env);
        await using var checkpoint = await store.OpenReadAsync("trial/latest.ckpt", CancellationToken.None);

        var metrics = await WorkloadEvaluation.TestAsync(new MnistMlpWorkload(), spec, env, checkpoint!, CancellationToken.None);

        Assert.NotNull(metrics);
        Assert.InRange(metrics["val_accuracy"], 0.7, 1.0);
        Assert.InRange(metrics["val_loss"], 0.0, 1.5);
    }

    [Fact]
    public async Task OpenSession_Throws_WhenMoreTrainingSamplesAreAskedForThanTheSplitHas()
    {
        var spec = SmallTrials.Spec() with { Options = new Dictionary<string, object> { ["train_samples"] = 60_000L } };

        var error = await Assert.ThrowsAsync<WorkloadException>(
            async () => await new MnistMlpWorkload().OpenSessionAsync(spec, await SmallTrials.EnvironmentAsync(), CancellationToken.None));

        Assert.Contains("train_samples=60000", error.Message);
    }

    [Fact]
    public void ValidateOptions_NamesUnknownAndMistypedOptions()
    {
        var problems = new MnistMlpWorkload().ValidateOptions(
            new Dictionary<string, object> { ["train_samples"] = "many", ["validation_sample"] = 10L });

        Assert.Equal(
            [
                "unknown option 'validation_sample'; known options are train_samples, validation_samples",
                "option 'train_samples' must be an integer, but got 'many'",
            ],
            problems);
    }
}
