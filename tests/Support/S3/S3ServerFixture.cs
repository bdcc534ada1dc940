using Amazon.Runtime;
using Amazon.S3;
using Tuner.Trainer.Checkpoints.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;

namespace Tuner.TestSupport.S3;

/// <summary>
/// One fauxqs server and one bucket, shared as a class or collection fixture; each test works under a location of its
/// own. fauxqs accepts any credentials: the tests sign with test/test.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string Bucket = "tuner-checkpoints";
    public const string AccessKey = "test";
    public const string SecretKey = "test";
    private FauxqsServer? server;

    public string ServiceUrl => server?.ServiceUrl ?? throw new InvalidOperationException("the S3 fixture has not been initialized");

    public IAmazonS3 Client { get; private set; } = null!;

    public S3StoreOptions Options { get; private set; } = null!;

    /// <summary>A fresh location, "s3://tuner-checkpoints/tests/&lt;guid&gt;".</summary>
    public S3Location NewLocation() => new(Bucket, $"tests/{Guid.NewGuid():N}");

    /// <summary>A store at <paramref name="location"/> with the fixture's options.</summary>
    public S3CheckpointStore NewStore(S3Location location) => new(Client, location, Options);

    /// <summary>A store under a fresh location, with <paramref name="thresholdBytes"/> as the multipart threshold and
    /// the smallest part size S3 allows.</summary>
    public S3CheckpointStore NewStore(long thresholdBytes = 16 * S3StoreOptions.MiB) =>
        new(Client, NewLocation(), Options with { MultipartThresholdBytes = thresholdBytes, PartSizeBytes = S3StoreOptions.MinPartSizeBytes });

    public async Task InitializeAsync()
    {
        server = await FauxqsServer.StartAsync();
        Options = new S3StoreOptions(ServiceUrl: server.ServiceUrl);
        Client = S3CheckpointStore.CreateClient(Options, new BasicAWSCredentials(AccessKey, SecretKey));
        await Client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
