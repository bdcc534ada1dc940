namespace Tuner.Trainer.Tests;

public sealed class TrialCheckpointTests
{
    [Fact]
    public async Task WriteThenRead_RoundTripsEveryFieldExactly()
    {
        var report = new EpochReport(1, new Dictionary<string, double> { ["val_loss"] = 0.1 + 0.2, ["train_loss"] = double.NaN }, TimeSpan.FromTicks(12_345));
        var original = new TrialCheckpoint("mnist-mlp", 7, new TrainingPosition(1, 9), [report], new PartialEpoch(1.0 / 3, 576, TimeSpan.FromSeconds(1.5)), [1, 2, 3]);
        using var stream = new MemoryStream();

        await original.WriteToAsync(stream, CancellationToken.None);
        stream.Position = 0;
        var read = await TrialCheckpoint.ReadAsync(stream, CancellationToken.None);

        Assert.Equal((original.Workload, original.Seed, original.Position, original.Partial), (read.Workload, read.Seed, read.Position, read.Partial));
        Assert.Equal(original.State, read.State);
        Assert.Equal(report.Metrics, read.History.Single().Metrics);
        Assert.Equal((report.Epoch, report.Duration), (read.History[0].Epoch, read.History[0].Duration));
    }

    [Fact]
    public async Task Read_Throws_WhenTheStreamIsNotACheckpoint()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => TrialCheckpoint.ReadAsync(new MemoryStream("not a checkpoint at all"u8.ToArray()), CancellationToken.None));

        Assert.Contains("must start with TUNERCKP", error.Message);
    }
}
