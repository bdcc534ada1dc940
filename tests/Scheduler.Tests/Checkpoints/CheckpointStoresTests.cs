using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduler.Hosting;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Checkpoints.S3;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Tests.Checkpoints;

public sealed class CheckpointStoresTests
{
    private static readonly TunerSettings Folder = new()
    {
        Home = "/tmp/tuner-home", CheckpointRoot = "/tmp/tuner-home/checkpoints", DataDirectory = "/tmp/tuner-home/data",
    };

    [Fact]
    public void Create_ReturnsAFolderStore_ForAFolder()
    {
        var store = CheckpointStores.Create(Folder);

        Assert.IsType<FileSystemCheckpointStore>(store);
        Assert.Equal("file:///tmp/tuner-home/checkpoints/a.ckpt", store.UriOf("a.ckpt"));
    }

    [Fact]
    public void Create_ReturnsAnS3Store_ForAnS3Location()
    {
        var settings = Folder with { CheckpointRoot = "s3://ml-sweeps/mnist/", S3Endpoint = "http://127.0.0.1:9000", S3Region = "auto" };

        var store = CheckpointStores.Create(settings);

        Assert.IsType<S3CheckpointStore>(store);
        Assert.Equal("s3://ml-sweeps/mnist/sweeps/1/a.ckpt", store.UriOf("sweeps/1/a.ckpt"));
    }

    [Fact]
    public void Create_NamesEveryProblem_WhenTheS3SettingsAreWrong()
    {
        var settings = Folder with { CheckpointRoot = "s3://Bad_Bucket/x", S3Endpoint = "minio:9000", S3Region = "US East" };

        var error = Assert.Throws<InvalidOperationException>(() => CheckpointStores.Create(settings));

        Assert.Contains("TUNER_CHECKPOINTS: an S3 bucket name must be", error.Message);
        Assert.Contains("but got bucket='Bad_Bucket'", error.Message);
        Assert.Contains("TUNER_S3_ENDPOINT must be an absolute http:// or https:// URL, but got 'minio:9000'", error.Message);
        Assert.Contains("TUNER_S3_REGION must be a region name", error.Message);
        Assert.Contains("but got 'US East'", error.Message);
    }

    [Theory]
    [InlineData("gs://ml-sweeps/mnist")]
    [InlineData("")]
    public void Problems_RejectsLocationsThatAreNeitherAFolderNorS3(string location)
    {
        var problems = CheckpointStores.Problems(Folder with { CheckpointRoot = location });

        Assert.Equal([$"TUNER_CHECKPOINTS must be a folder or s3://bucket/prefix (GCS and R2 through their S3 APIs with TUNER_S3_ENDPOINT), but got '{location}'"], problems);
    }

    [Fact]
    public void Problems_RejectsAnS3Endpoint_WithAFolderStore()
    {
        var problems = CheckpointStores.Problems(Folder with { S3Endpoint = "http://127.0.0.1:9000" });

        Assert.Equal(
            ["TUNER_S3_ENDPOINT is only used with TUNER_CHECKPOINTS=s3://bucket/prefix, but got TUNER_S3_ENDPOINT='http://127.0.0.1:9000' with the folder TUNER_CHECKPOINTS='/tmp/tuner-home/checkpoints'"],
            problems);
    }

    [Fact]
    public void ToEnvironment_PassesTheS3SettingsToWorkers_ButNoSecrets()
    {
        var settings = Folder with { CheckpointRoot = "s3://ml-sweeps/mnist", S3Endpoint = "https://storage.googleapis.com", S3Region = "auto" };

        var environment = settings.ToEnvironment("Host=db");

        Assert.Equal("s3://ml-sweeps/mnist", environment["TUNER_CHECKPOINTS"]);
        Assert.Equal("https://storage.googleapis.com", environment["TUNER_S3_ENDPOINT"]);
        Assert.Equal("auto", environment["TUNER_S3_REGION"]);
        Assert.DoesNotContain(environment.Keys, name => name.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Fact]
    public void ToEnvironment_LeavesTheEndpointOut_WhenThereIsNone()
    {
        var environment = Folder.ToEnvironment("Host=db");

        Assert.False(environment.ContainsKey("TUNER_S3_ENDPOINT"));
        Assert.Equal(TunerSettings.DefaultS3Region, environment["TUNER_S3_REGION"]);
    }
}
