using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>Checkpoints in S3-compatible storage under <paramref name="location"/>. Objects up to
/// <see cref="S3StoreOptions.MultipartThresholdBytes"/> go up with one PutObject, larger ones as a multipart upload;
/// both replace the object atomically. Every write computes the SHA-256 of the bytes it stores.</summary>
public sealed class S3CheckpointStore(IAmazonS3 client, S3Location location, S3StoreOptions options)
    : ICheckpointStore
{
    private readonly S3StoreOptions _options = options.Validate();

    /// <summary>A client with settings that suit AWS, MinIO, GCS's XML API, R2 and the test emulators; default
    /// credentials (environment, profile, instance role) when <paramref name="credentials"/> is null.</summary>
    public static IAmazonS3 CreateClient(S3StoreOptions options, AWSCredentials? credentials = null)
    {
        options.Validate();
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is null) config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        else config.ServiceURL = options.ServiceUrl;
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    public async Task<StoredCheckpoint> WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var objectKey = ObjectKeyOf(key);
        var partSize = (int)_options.PartSizeBytes;
        using var reader = new HashingChunkReader(content);
        var head = new List<byte[]>();
        while (reader.BytesRead <= _options.MultipartThresholdBytes)
        {
            var chunk = await reader.ReadAsync(partSize, ct);
            if (chunk.Length > 0) head.Add(chunk);
            if (chunk.Length < partSize) break;
        }
        if (reader.BytesRead <= _options.MultipartThresholdBytes)
        {
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = location.Bucket, Key = objectKey, UseChunkEncoding = false,
                InputStream = new MemoryStream(head.SelectMany(c => c).ToArray(), writable: false),
            }, ct);
        }
        else
        {
            await S3MultipartUpload.RunAsync(client, location.Bucket, objectKey, head, reader, partSize, ct);
        }
        return new StoredCheckpoint(UriOf(key), reader.BytesRead, reader.Sha256Hex());
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var objectKey = ObjectKeyOf(key);
        try
        {
            var response = await client.GetObjectAsync(location.Bucket, objectKey, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        var objectKey = ObjectKeyOf(key);
        try
        {
            await client.DeleteObjectAsync(location.Bucket, objectKey, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            // Already gone: deleting a missing object does nothing.
        }
    }

    /// <summary>The largest object one CopyObject request copies (S3's limit); larger ones would need a multipart copy.</summary>
    public const long MaxCopyBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>
    /// Moves the object to <paramref name="storageClass"/> (an S3 name such as STANDARD_IA) by copying it onto itself,
    /// which is how S3 changes a class. REPLACE, because S3 and its emulators refuse a copy onto itself that changes
    /// nothing else; the stores write no metadata to lose. Returns false when there is no such object.
    /// </summary>
    public async Task<bool> ChangeStorageClassAsync(string key, string storageClass, CancellationToken ct)
    {
        var objectKey = ObjectKeyOf(key);
        try
        {
            await client.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = location.Bucket, SourceKey = objectKey,
                DestinationBucket = location.Bucket, DestinationKey = objectKey,
                StorageClass = S3StorageClass.FindValue(storageClass),
                MetadataDirective = S3MetadataDirective.REPLACE,
            }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
    }

    public string UriOf(string key) => $"s3://{location.Bucket}/{ObjectKeyOf(key)}";

    private string ObjectKeyOf(string key)
    {
        CheckpointKey.Validate(key);
        return location.ObjectKeyOf(key);
    }
}
