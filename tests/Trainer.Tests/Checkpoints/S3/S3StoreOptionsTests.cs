using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

public sealed class S3StoreOptionsTests
{
    [Fact]
    public void Validate_AcceptsDefaults()
    {
        var options = new S3StoreOptions();

        Assert.Same(options, options.Validate());
        Assert.Equal(16 * S3StoreOptions.MiB, options.MultipartThresholdBytes);
        Assert.Equal(8 * S3StoreOptions.MiB, options.PartSizeBytes);
    }

    [Fact]
    public void Validate_ListsEveryProblem()
    {
        var options = new S3StoreOptions("not a url", " ", MultipartThresholdBytes: -1, PartSizeBytes: 1024);

        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains("ServiceUrl='not a url'", error.Message);
        Assert.Contains("Region=' '", error.Message);
        Assert.Contains("MultipartThresholdBytes=-1", error.Message);
        Assert.Contains("PartSizeBytes=1024", error.Message);
    }
}
