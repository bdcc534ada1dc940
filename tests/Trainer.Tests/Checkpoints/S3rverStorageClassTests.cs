using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Tuner.TestSupport.S3;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Tests.Checkpoints;

/// <summary>
/// What the tests of storage-class changes rely on s3rver for, checked with the real AWSSDK.S3 client that the S3 store
/// uses (S3CheckpointStore.CreateClient): s3rver, unlike fauxqs, keeps the storage class that CopyObject sets and
/// returns it on HEAD and GET. The fixture's client rewrites CopyObject's x-amz-copy-source for s3rver
/// (<see cref="S3rverServer.CreateClient"/>); the last test shows why.
/// </summary>
public sealed class S3rverStorageClassTests(S3rverServerFixture s3) : IClassFixture<S3rverServerFixture>
{
    private const string Bucket = S3rverServerFixture.Bucket;

    [Fact]
    public async Task CopyObject_OntoItself_WithStandardIa_ChangesStorageClass_AndKeepsTheBytes()
    {
        var key = NewKey("epoch-0001.ckpt");
        var bytes = RandomBytes(100_000, seed: 1);
        await PutAsync(key, bytes);

        await s3.Client.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = Bucket, SourceKey = key, DestinationBucket = Bucket, DestinationKey = key,
            StorageClass = S3StorageClass.StandardInfrequentAccess,
            // s3rver refuses a copy onto the same key without REPLACE (InvalidRequest), even when the storage class
            // changes; AWS allows it with COPY. REPLACE also replaces Content-Type and x-amz-meta-* with the request's.
            MetadataDirective = S3MetadataDirective.REPLACE,
        });

        var head = await s3.Client.GetObjectMetadataAsync(Bucket, key);
        Assert.Equal(S3StorageClass.StandardInfrequentAccess, head.StorageClass);
        Assert.Equal(bytes.Length, head.ContentLength);
        using var get = await s3.Client.GetObjectAsync(Bucket, key);
        Assert.Equal(S3StorageClass.StandardInfrequentAccess, get.StorageClass);
        Assert.Equal(bytes, await ReadAllAsync(get));
    }

    [Fact]
    public async Task HeadObject_HasNoStorageClass_WhenPutWithoutOne_ButEchoesAnExplicitStandard()
    {
        string plain = NewKey("plain.ckpt"), standard = NewKey("standard.ckpt");
        var bytes = RandomBytes(1_000, seed: 2);
        await PutAsync(plain, bytes);
        await PutAsync(standard, bytes, S3StorageClass.Standard);

        var plainHead = await s3.Client.GetObjectMetadataAsync(Bucket, plain);
        var standardHead = await s3.Client.GetObjectMetadataAsync(Bucket, standard);

        // Finding: s3rver returns x-amz-storage-class only when the upload (or a REPLACE copy) sent one, and then
        // exactly what was sent. An object put without a class has no header on HEAD (or GET), which the SDK reads as
        // StorageClass null, as with S3, which leaves the header out for STANDARD. But an object put with an explicit
        // STANDARD comes back with "STANDARD", where S3 would leave it out. Code that reads the class must take null
        // and STANDARD alike.
        Assert.Null(plainHead.StorageClass);
        Assert.Equal(bytes.Length, plainHead.ContentLength);
        Assert.Equal(S3StorageClass.Standard, standardHead.StorageClass);
    }

    [Fact]
    public async Task CopyObject_OntoItself_WithoutReplace_IsRefused()
    {
        var key = NewKey("copy.ckpt");
        await PutAsync(key, RandomBytes(1_000, seed: 3));

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.Client.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = Bucket, SourceKey = key, DestinationBucket = Bucket, DestinationKey = key,
            StorageClass = S3StorageClass.StandardInfrequentAccess,
        }));

        Assert.Equal("InvalidRequest", refused.ErrorCode);
        Assert.Null((await s3.Client.GetObjectMetadataAsync(Bucket, key)).StorageClass);
    }

    [Fact]
    public async Task CopyObject_WithTheSdksOwnCopySource_IsRefusedAsNoSuchBucket()
    {
        var key = NewKey("encoded.ckpt");
        await PutAsync(key, RandomBytes(1_000, seed: 4));
        using var plain = S3CheckpointStore.CreateClient(
            s3.Options, new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey));

        // AWSSDK.S3 sends "tuner-checkpoints%2Ftests%2F...": s3rver's decodeURI keeps the %2F, so the bucket name it
        // looks up is the whole header. If this starts to pass, S3rverServer.CreateClient's rewrite can go.
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => plain.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = Bucket, SourceKey = key, DestinationBucket = Bucket, DestinationKey = key,
            StorageClass = S3StorageClass.StandardInfrequentAccess, MetadataDirective = S3MetadataDirective.REPLACE,
        }));

        Assert.Equal("NoSuchBucket", refused.ErrorCode);
    }

    private static string NewKey(string name) => $"{S3rverServerFixture.NewLocation().Prefix}/{name}";

    private Task PutAsync(string key, byte[] bytes, S3StorageClass? storageClass = null) => s3.Client.PutObjectAsync(new PutObjectRequest
    {
        // Without UseChunkEncoding = false s3rver would store the SDK's aws-chunked framing as part of the object.
        BucketName = Bucket, Key = key, UseChunkEncoding = false, InputStream = new MemoryStream(bytes, writable: false),
        StorageClass = storageClass,
    });

    private static async Task<byte[]> ReadAllAsync(GetObjectResponse response)
    {
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
