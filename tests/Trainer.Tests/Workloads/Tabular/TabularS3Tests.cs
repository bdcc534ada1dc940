using PutObjectRequest = Amazon.S3.Model.PutObjectRequest;
using Tuner.Trainer.Checkpoints.S3;
using Tuner.Trainer.Tests.Checkpoints.S3;
using Tuner.Trainer.Workloads.Tabular;
using Tuner.TestSupport.S3;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

/// <summary>s3:// data read from the real S3 test server (fauxqs).</summary>
[Collection(S3ServerCollection.Name)]
public sealed class TabularS3Tests(S3ServerFixture s3)
{
    [Fact]
    public async Task Session_TrainsOnAnS3Object()
    {
        var uri = await PutAsync("penguins.csv", await File.ReadAllTextAsync(TabularTrials.PenguinsCsv));
        var workload = new TabularMlpWorkload(new CsvFileSource(() => s3.Client));
        var spec = TabularTrials.Spec(new Dictionary<string, object> { ["data"] = uri, ["target"] = "species" }, parameters: ("batch_size", 16));

        using var session = await TabularTrials.OpenAsync(spec, workload);
        var metrics = TabularTrials.Train(session, 0, 1)[^1];

        Assert.Equal(18, session.BatchesPerEpoch);
        Assert.Equal(["val_accuracy", "val_auc", "val_log_loss", "val_loss"], metrics.Keys.Order());
    }

    [Fact]
    public async Task ReadAsync_KeepsTheObjectWhileItsETagIsUnchanged_AndReadsItAgainWhenItChanges()
    {
        var uri = await PutAsync("t.csv", "x,y\n1,2\n");
        var source = new CsvFileSource(() => s3.Client);
        var location = TabularLocation.Resolve(uri);

        var first = await source.ReadAsync(location, CancellationToken.None);
        var second = await source.ReadAsync(location, CancellationToken.None);
        await PutAsync("t.csv", "x,y\n1,2\n3,4\n", uri);
        var changed = await source.ReadAsync(location, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(uri, first.Source);
        Assert.NotSame(first, changed);
        Assert.Equal(2, changed.Rows.Count);
        Assert.Equal(1, source.CachedFiles);
    }

    [Fact]
    public async Task ReadAsync_Throws_ForAMissingObject()
    {
        var uri = $"s3://{S3ServerFixture.Bucket}/{s3.NewLocation().Prefix}/absent.csv";

        var error = await Assert.ThrowsAsync<WorkloadException>(
            () => new CsvFileSource(() => s3.Client).ReadAsync(TabularLocation.Resolve(uri), CancellationToken.None));

        Assert.Equal($"{uri}: the object does not exist", error.Message);
    }

    [Fact]
    public async Task BuiltInWorkload_ReachesS3ThroughTheWorkersEnvironment()
    {
        var uri = await PutAsync("linear.csv", TabularTrials.LinearTable(100, seed: 4));
        var variables = new Dictionary<string, string?>
        {
            [DataS3Settings.EndpointVariable] = s3.ServiceUrl, [DataS3Settings.RegionVariable] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey,
        };
        var previous = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
        try
        {
            var spec = TabularTrials.Spec(new Dictionary<string, object> { ["data"] = uri, ["target"] = "y" }, parameters: ("batch_size", 20));

            using var session = await new TabularMlpWorkload().OpenSessionAsync(spec, TabularTrials.Environment(), CancellationToken.None);

            Assert.Equal(4, session.BatchesPerEpoch); // 80 training rows
        }
        finally
        {
            foreach (var (name, value) in previous) Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public void DataS3Settings_ReadTheCheckpointStoresVariables()
    {
        var options = DataS3Settings.FromEnvironment(new Dictionary<string, string?>
        {
            ["TUNER_S3_ENDPOINT"] = "http://127.0.0.1:9000", ["TUNER_S3_REGION"] = "auto",
        }.GetValueOrDefault);
        var defaults = DataS3Settings.FromEnvironment(_ => null);

        Assert.Equal(new S3StoreOptions(ServiceUrl: "http://127.0.0.1:9000", Region: "auto"), options);
        Assert.Equal(new S3StoreOptions(), defaults);
    }

    [Fact]
    public async Task ReadAsync_Throws_WhenTheS3SettingsAreInvalid()
    {
        var source = new CsvFileSource(() => S3CheckpointStore.CreateClient(
            DataS3Settings.FromEnvironment(new Dictionary<string, string?> { ["TUNER_S3_ENDPOINT"] = "not a url" }.GetValueOrDefault)));

        var error = await Assert.ThrowsAsync<WorkloadException>(
            () => source.ReadAsync(TabularLocation.Resolve("s3://bucket/t.csv"), CancellationToken.None));

        Assert.Equal(
            "s3://bucket/t.csv: cannot reach S3: invalid S3 store options: ServiceUrl must be an absolute URL, but got ServiceUrl='not a url'",
            error.Message);
    }

    private async Task<string> PutAsync(string name, string text, string? uri = null)
    {
        uri ??= $"s3://{S3ServerFixture.Bucket}/{s3.NewLocation().Prefix}/{name}";
        var location = S3Location.Parse(uri);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = location.Bucket, Key = location.Prefix, ContentBody = text });
        return uri;
    }
}
