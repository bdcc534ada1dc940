using Amazon.Runtime;
using Amazon.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

/// <summary>One fauxqs server and one bucket for all S3 tests; each test works under a prefix of its own.</summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string Bucket = "tuner-checkpoints";
    private FauxqsServer? _server;

    public IAmazonS3 Client { get; private set; } = null!;

    public S3StoreOptions Options { get; private set; } = null!;

    /// <summary>A store under a fresh prefix, with <paramref name="thresholdBytes"/> as the multipart threshold.</summary>
    public S3CheckpointStore NewStore(long thresholdBytes = 16 * S3StoreOptions.MiB) =>
        new(Client, new S3Location(Bucket, $"tests/{Guid.NewGuid():N}"),
            Options with { MultipartThresholdBytes = thresholdBytes, PartSizeBytes = S3StoreOptions.MinPartSizeBytes });

    public async Task InitializeAsync()
    {
        _server = await FauxqsServer.StartAsync();
        Options = new S3StoreOptions(ServiceUrl: _server.ServiceUrl);
        Client = S3CheckpointStore.CreateClient(Options, new BasicAWSCredentials("test", "test"));
        await Client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
