using Tuner.Trainer.Data;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Data;

public sealed class MnistFilesTests
{
    [Fact]
    public async Task Ensure_LeavesAllFourFilesWithTheirSizesAndMagicNumbers()
    {
        var directory = await MnistDirectory.GetAsync();

        await MnistFiles.EnsureAsync(directory, CancellationToken.None);

        Assert.All(MnistFile.All, file => Assert.Null(file.Check(Path.Join(directory, file.Name))));
    }

    [Fact]
    public void Check_SaysWhatIsWrong_WhenAFileIsTruncated()
    {
        using var temporary = new TemporaryDirectory();
        var path = Path.Join(temporary.Path, MnistFile.TrainLabels.Name);
        File.WriteAllBytes(path, [0, 0, 8, 1]);

        Assert.Equal("train-labels-idx1-ubyte must be 60008 bytes, but is 4", MnistFile.TrainLabels.Check(path));
    }
}
