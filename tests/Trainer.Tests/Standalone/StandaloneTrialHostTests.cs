using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Standalone;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Standalone;

public sealed class StandaloneTrialHostTests
{
    [Fact]
    public async Task Run_PrintsEachEpoch_KeepsCheckpoints_AndResumesFromTheLatest()
    {
        using var directory = new TemporaryDirectory();
        var store = new FileSystemCheckpointStore(directory.Path);
        var log = new StringWriter();
        var env = await SmallTrials.EnvironmentAsync();
        var host = new StandaloneTrialHost(store, "runs/demo", log);

        await SmallTrials.RunAsync(SmallTrials.Spec(maxEpochs: 1), host, CancellationToken.None, environment: env);
        var resumed = await SmallTrials.RunAsync(SmallTrials.Spec(maxEpochs: 2), host, CancellationToken.None, environment: env);

        Assert.Equal(1, resumed.EpochsTrained);
        Assert.Matches(@"epoch 1  train_loss=\d\.\d{4}  val_accuracy=0\.\d{4}  val_loss=\d\.\d{4}  \(\d+\.\d s\)", log.ToString());
        Assert.Contains("epoch 2  ", log.ToString());
        Assert.True(File.Exists(Path.Join(directory.Path, "runs/demo/epoch-0001.ckpt")));
        Assert.True(File.Exists(Path.Join(directory.Path, "runs/demo/epoch-0002.ckpt")));
    }

    [Fact]
    public async Task OpenLatest_ReturnsNull_WhenNothingWasSaved()
    {
        using var directory = new TemporaryDirectory();
        var host = new StandaloneTrialHost(new FileSystemCheckpointStore(directory.Path), "runs/none", TextWriter.Null);

        Assert.Null(await host.OpenLatestCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public void KeyOf_NamesMidEpochCheckpointsByBatch()
    {
        var host = new StandaloneTrialHost(new FileSystemCheckpointStore("/unused"), "runs/x/", TextWriter.Null);

        Assert.Equal("runs/x/epoch-0003.ckpt", host.KeyOf(new TrainingPosition(3, 0)));
        Assert.Equal("runs/x/epoch-0003-batch-00017.ckpt", host.KeyOf(new TrainingPosition(3, 17)));
    }
}
