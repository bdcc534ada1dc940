using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>One multipart upload: initiate, upload the parts in order, complete; aborted when anything fails. The
/// object appears (or is replaced) only on completion, so readers never see a partial one.</summary>
internal static class S3MultipartUpload
{
    /// <summary>Uploads <paramref name="firstParts"/> and then every further chunk of <paramref name="reader"/>.</summary>
    public static async Task RunAsync(IAmazonS3 client, string bucket, string objectKey,
        IReadOnlyList<byte[]> firstParts, HashingChunkReader reader, int partSize, CancellationToken ct)
    {
        var initiated = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = objectKey }, ct);
        var uploadId = initiated.UploadId;
        try
        {
            var etags = new List<PartETag>();
            foreach (var part in firstParts) etags.Add(await UploadPartAsync(part, etags.Count + 1));
            var more = firstParts[^1].Length == partSize;
            while (more)
            {
                var part = await reader.ReadAsync(partSize, ct);
                if (part.Length > 0) etags.Add(await UploadPartAsync(part, etags.Count + 1));
                more = part.Length == partSize;
            }
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket, Key = objectKey, UploadId = uploadId, PartETags = etags,
            }, ct);
        }
        catch (Exception failure)
        {
            await AbortAsync(client, bucket, objectKey, uploadId, failure);
            throw;
        }

        async Task<PartETag> UploadPartAsync(byte[] part, int number)
        {
            var response = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket, Key = objectKey, UploadId = uploadId, PartNumber = number,
                InputStream = new MemoryStream(part, writable: false), PartSize = part.Length,
                UseChunkEncoding = false,
            }, ct);
            return new PartETag(number, response.ETag);
        }
    }

    private static async Task AbortAsync(IAmazonS3 client, string bucket, string objectKey, string uploadId,
        Exception failure)
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = bucket, Key = objectKey, UploadId = uploadId,
            }, CancellationToken.None);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.MethodNotAllowed
                                              or HttpStatusCode.NotImplemented || e.ErrorCode == "NotImplemented")
        {
            // s3rver answers 405 to AbortMultipartUpload; the unfinished upload is invisible to readers anyway.
        }
        catch (Exception abortFailure)
        {
            throw new AggregateException(
                $"multipart upload of s3://{bucket}/{objectKey} failed and aborting upload id '{uploadId}' failed too",
                failure, abortFailure);
        }
    }
}
