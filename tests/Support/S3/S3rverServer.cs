using Amazon.Runtime;
using Amazon.S3;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.TestSupport.S3;

/// <summary>The s3rver S3 emulator (an <see cref="EmulatorProcess"/>) until disposed. It keeps its buckets and objects
/// in a fresh temporary directory, deleted on dispose, and answers an unsigned GET / (ListBuckets) once it
/// listens.</summary>
/// <remarks>
/// Unlike fauxqs, s3rver stores the x-amz-storage-class header of PutObject and of CopyObject with
/// x-amz-metadata-directive: REPLACE, and returns it on HEAD and GET. It signs with S3RVER/S3RVER; buckets are made
/// with PutBucket (no --configure-bucket). Where it differs from S3 (seen with 3.7.1 and AWSSDK.S3 4.0.103):
/// <list type="bullet">
/// <item>it cannot parse the x-amz-copy-source header AWSSDK.S3 sends, so CopyObject needs <see cref="CreateClient"/>'s client;</item>
/// <item>a copy onto the same key without REPLACE is refused (InvalidRequest) even when it changes the class, and a
/// copy to another key without REPLACE keeps the source's metadata and ignores x-amz-storage-class;</item>
/// <item>it echoes the class an upload sent, STANDARD included (S3 leaves the header out for STANDARD), and has none
/// for an object put without one;</item>
/// <item>ListObjects reports every object as STANDARD; a GLACIER object stays readable (S3 wants a restore first);</item>
/// <item>a REPLACE copy with an unknown class answers 400 InvalidStorageClass but has already stored it, after which
/// HEAD and GET of that object answer 400;</item>
/// <item>it stores AWSSDK's aws-chunked framing inside the object unless uploads set UseChunkEncoding = false, and
/// answers 405 to AbortMultipartUpload.</item>
/// </list>
/// </remarks>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private const string CopySourceHeader = "x-amz-copy-source";
    private readonly EmulatorProcess _process;
    private readonly string _directory;

    private S3rverServer(EmulatorProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public string ServiceUrl => _process.ServiceUrl;

    /// <summary>The S3 store's client settings (<see cref="S3CheckpointStore.CreateClient"/>) for this server.</summary>
    public S3StoreOptions Options => new(ServiceUrl: ServiceUrl, Region: "us-east-1");

    /// <summary>
    /// The S3 store's own client (<see cref="S3CheckpointStore.CreateClient"/>) for this server, signing with
    /// S3RVER/S3RVER, with one change that s3rver needs: AWSSDK.S3 sends CopyObject's x-amz-copy-source URL-encoded
    /// as a whole, "bucket%2Fkey" (checked with 4.0.103), and s3rver 3.7.1 decodes it with JavaScript's decodeURI,
    /// which leaves "%2F" alone, so it takes "bucket%2Fkey" for a bucket name and answers NoSuchBucket. The client
    /// puts the slashes back before it signs the request ("bucket/key", which AWS accepts too); anything else in the
    /// header stays encoded. Every other request goes out as the store's client would send it.
    /// </summary>
    public IAmazonS3 CreateClient()
    {
        var client = S3CheckpointStore.CreateClient(Options, new BasicAWSCredentials(AccessKey, SecretKey));
        ((AmazonServiceClient)client).BeforeRequestEvent += (_, e) =>
        {
            // Raised after the request is marshalled and before it is signed.
            if (e is WebServiceRequestEventArgs request && request.Headers.TryGetValue(CopySourceHeader, out var source))
            {
                request.Headers[CopySourceHeader] = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }
        };
        return client;
    }

    public static async Task<S3rverServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("tuner-s3rver-").FullName;
        try
        {
            var process = await EmulatorProcess.StartAsync("s3rver", (start, port) =>
            {
                foreach (var argument in new[] { "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
                    start.ArgumentList.Add(argument);
            }, "/");
            return new S3rverServer(process, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
