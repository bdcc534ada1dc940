using System.Security.Cryptography;
using Tuner.Trainer.Checkpoints.S3;
using Tuner.TestSupport.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

/// <summary>What only the S3 store does (PutObject or multipart, locations); what every store promises is in
/// <see cref="Contract.CheckpointStoreContract"/>.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3CheckpointStoreTests(S3ServerFixture s3)
{
    private const int MultipartSize = 40_000_000;

    [Fact]
    public async Task WriteAsync_RoundTripsSmallObject_ByteExact()
    {
        var store = s3.NewStore();
        var bytes = RandomBytes(100_000, seed: 1);

        await store.WriteAsync("sweeps/1/trials/2/epoch-0001.ckpt", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, await store.ReadAllAsync("sweeps/1/trials/2/epoch-0001.ckpt"));
        Assert.DoesNotContain("-", await ETagOfAsync(store, "sweeps/1/trials/2/epoch-0001.ckpt")); // one PutObject
    }

    [Fact]
    public async Task WriteAsync_RoundTripsMultipartObject_ByteExact_WhenLargerThanThreshold()
    {
        var store = s3.NewStore(thresholdBytes: S3StoreOptions.MiB);
        var bytes = RandomBytes(MultipartSize, seed: 2);

        await store.WriteAsync("big.ckpt", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, await store.ReadAllAsync("big.ckpt"));
        Assert.EndsWith("-8\"", await ETagOfAsync(store, "big.ckpt")); // 40 MB in 5 MiB parts
    }

    [Fact]
    public async Task WriteAsync_StoresEmptyObject()
    {
        var store = s3.NewStore(thresholdBytes: 0);

        await store.WriteAsync("empty.ckpt", new MemoryStream(), CancellationToken.None);

        Assert.Empty(await store.ReadAllAsync("empty.ckpt"));
    }

    [Theory]
    [InlineData(12_345, 16 * S3StoreOptions.MiB)]
    [InlineData(11 * S3StoreOptions.MiB, S3StoreOptions.MiB)]
    public async Task WriteAsync_ReturnsSizeAndSha256OfTheBytes(long size, long thresholdBytes)
    {
        var store = s3.NewStore(thresholdBytes);
        var bytes = RandomBytes((int)size, seed: 3);

        var stored = await store.WriteAsync("digest.ckpt", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(size, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(store.UriOf("digest.ckpt"), stored.Uri);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(await store.ReadAllAsync("digest.ckpt"))));
    }

    [Fact]
    public void UriOf_NamesBucketPrefixAndKey()
    {
        var store = new S3CheckpointStore(s3.Client, S3Location.Parse("s3://tuner-checkpoints/runs/a"), s3.Options);
        var atRoot = new S3CheckpointStore(s3.Client, S3Location.Parse("s3://tuner-checkpoints"), s3.Options);

        Assert.Equal("s3://tuner-checkpoints/runs/a/sweeps/1/epoch-0003.ckpt", store.UriOf("sweeps/1/epoch-0003.ckpt"));
        Assert.Equal("s3://tuner-checkpoints/epoch-0003.ckpt", atRoot.UriOf("epoch-0003.ckpt"));
    }

    private async Task<string> ETagOfAsync(S3CheckpointStore store, string key)
    {
        var stored = S3Location.Parse(store.UriOf(key));
        return (await s3.Client.GetObjectMetadataAsync(stored.Bucket, stored.Prefix)).ETag;
    }

    internal static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
