using Tuner.Trainer.Data;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Data;

public sealed class IdxReaderTests
{
    [Fact]
    public async Task Read_ParsesDimensionsAndData_OfASmallFile()
    {
        byte[] file = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];

        var array = await IdxReader.ReadAsync(new MemoryStream(file), CancellationToken.None);

        Assert.Equal([2, 3], array.Dimensions);
        Assert.Equal((2, 3), (array.Count, array.ItemSize));
        Assert.Equal([1, 2, 3, 4, 5, 6], array.Data);
    }

    [Fact]
    public async Task Read_Throws_WhenTheMagicNumberIsNotUnsignedBytes()
    {
        byte[] file = [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IdxReader.ReadAsync(new MemoryStream(file), CancellationToken.None));

        Assert.Contains("but got 00000D01", error.Message);
    }

    [Fact]
    public async Task Read_Throws_WhenTheDataIsShorterThanTheDimensionsSay()
    {
        byte[] file = [0, 0, 8, 1, 0, 0, 0, 5, 1, 2];

        await Assert.ThrowsAsync<EndOfStreamException>(() => IdxReader.ReadAsync(new MemoryStream(file), CancellationToken.None));
    }

    [Fact]
    public async Task Read_ParsesTheRealMnistFiles()
    {
        var directory = await MnistDirectory.GetAsync();

        var images = await IdxReader.ReadAsync(Path.Join(directory, MnistFile.TestImages.Name), CancellationToken.None);
        var labels = await IdxReader.ReadAsync(Path.Join(directory, MnistFile.TestLabels.Name), CancellationToken.None);

        Assert.Equal([10_000, 28, 28], images.Dimensions);
        Assert.Equal([10_000], labels.Dimensions);
        Assert.All(labels.Data, label => Assert.InRange(label, 0, 9));
        Assert.Equal(7, labels.Data[0]); // the first test digit of MNIST is a 7
    }
}
