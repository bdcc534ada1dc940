using Amazon.S3;
using Tuner.Trainer.Checkpoints.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;

namespace Tuner.TestSupport.S3;

/// <summary>
/// One s3rver server (<see cref="S3rverServer"/>) and one bucket, shared as a class or collection fixture; each test
/// works under keys of its own. For what fauxqs cannot show, such as an object's storage class; everything else runs
/// against fauxqs (<see cref="S3ServerFixture"/>). The client is the store's own (S3CheckpointStore.CreateClient),
/// signing with s3rver's credentials S3RVER/S3RVER, with the x-amz-copy-source fix that
/// <see cref="S3rverServer.CreateClient"/> describes.
/// </summary>
public sealed class S3rverServerFixture : IAsyncLifetime
{
    public const string Bucket = "tuner-checkpoints";
    private S3rverServer? server;

    public string ServiceUrl => server?.ServiceUrl ?? throw new InvalidOperationException("the s3rver fixture has not been initialized");

    public IAmazonS3 Client { get; private set; } = null!;

    public S3StoreOptions Options { get; private set; } = null!;

    /// <summary>A fresh location, "s3://tuner-checkpoints/tests/&lt;guid&gt;".</summary>
    public static S3Location NewLocation() => new(Bucket, $"tests/{Guid.NewGuid():N}");

    /// <summary>A store at <paramref name="location"/> with the fixture's client and options.</summary>
    public S3CheckpointStore NewStore(S3Location location) => new(Client, location, Options);

    public async Task InitializeAsync()
    {
        server = await S3rverServer.StartAsync();
        Options = server.Options;
        Client = server.CreateClient();
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
