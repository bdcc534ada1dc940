using System.Diagnostics;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.TestSupport.S3;

/// <summary>The s3rver S3 emulator that scripts/test installs into &lt;repository root&gt;/.tuner/tools
/// (scripts/lib/s3server.sh, locked in tests/tools), running as a child process on a free loopback port until
/// disposed. It keeps its buckets and objects in a fresh temporary directory, deleted on dispose.</summary>
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
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private S3rverServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

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
        var executable = Path.Join(RepositoryPaths.ToolsDirectory, "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"the S3 test server is missing: expected s3rver at '{executable}'; run scripts/test (it installs fauxqs and s3rver from npm with tests/tools/package-lock.json through scripts/lib/s3server.sh)");
        }
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory("tuner-s3rver-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList = { "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(), "--silent" },
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
        var server = new S3rverServer(process, directory, port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilAnsweringAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    /// <summary>s3rver has no health endpoint; it answers an unsigned GET / (ListBuckets) with 200 once it listens.</summary>
    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"s3rver exited with code {_process.ExitCode} before it was ready; its output:\n{Output()}");
            }
            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException(
            $"s3rver did not answer {ServiceUrl}/ within {StartTimeout.TotalSeconds} s; its output:\n{Output()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
