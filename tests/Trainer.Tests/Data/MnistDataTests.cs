using Tuner.Trainer.Data;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Data;

public sealed class MnistDataTests
{
    [Fact]
    public async Task Load_SplitsTheTrainingFileIntoDisjointTrainingAndValidationParts()
    {
        var data = await MnistData.LoadAsync(await MnistDirectory.GetAsync(), CancellationToken.None);

        Assert.Equal((54_000, 6_000), (data.TrainingPart.Count, data.ValidationPart.Count));
        Assert.Equal(60_000, data.TrainingPart.Concat(data.ValidationPart).Distinct().Count());
        Assert.Equal([60_000L, 784L], data.TrainImages.shape);
        Assert.Equal([10_000L, 784L], data.TestImages.shape);
    }

    [Fact]
    public async Task Load_ReturnsTheSameCachedData_WhenCalledTwice()
    {
        var directory = await MnistDirectory.GetAsync();

        var first = await MnistData.LoadAsync(directory, CancellationToken.None);
        var second = await MnistData.LoadAsync(directory + "/", CancellationToken.None);

        Assert.Same(first, second);
    }
}
