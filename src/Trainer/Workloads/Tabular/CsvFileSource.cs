using System.Collections.Concurrent;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tuner.Trainer.Checkpoints.S3;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// Reads and parses CSV files, local or in S3-compatible storage, and keeps each parsed file for later trials (a
/// worker runs many trials over the same data). A kept file is used again while it is unchanged: a local file with the
/// same length and last-write time, an object with the same ETag; a changed file is read again and replaces it.
/// </summary>
public sealed class CsvFileSource
{
    private readonly Lazy<IAmazonS3> _s3;
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <param name="s3Client">Creates the client for s3:// locations, on first use.</param>
    public CsvFileSource(Func<IAmazonS3> s3Client) => _s3 = new Lazy<IAmazonS3>(s3Client);

    /// <summary>The process's source, reaching S3 as <see cref="DataS3Settings"/> says.</summary>
    public static CsvFileSource Shared { get; } = new(() =>
        S3CheckpointStore.CreateClient(DataS3Settings.FromEnvironment(Environment.GetEnvironmentVariable)));

    /// <summary>How many files are kept.</summary>
    public int CachedFiles => _cache.Count;

    public async Task<CsvTable> ReadAsync(TabularLocation location, CancellationToken ct)
    {
        var version = await VersionAsync(location, ct);
        while (true)
        {
            var known = _cache.GetValueOrDefault(location.Display);
            if (known is not null && known.Version == version) return await AwaitAsync(location, known, ct);
            var fresh = new Entry(version, new Lazy<Task<CsvTable>>(() => LoadAsync(location)));
            var stored = known is null ? _cache.TryAdd(location.Display, fresh) : _cache.TryUpdate(location.Display, fresh, known);
            if (stored) return await AwaitAsync(location, fresh, ct);
        }
    }

    private async Task<CsvTable> AwaitAsync(TabularLocation location, Entry entry, CancellationToken ct)
    {
        try
        {
            return await entry.Table.Value.WaitAsync(ct);
        }
        catch (Exception) when (entry.Table.Value.IsFaulted)
        {
            _cache.TryRemove(new KeyValuePair<string, Entry>(location.Display, entry));
            throw;
        }
    }

    private async Task<string> VersionAsync(TabularLocation location, CancellationToken ct)
    {
        if (location.S3 is { } s3)
        {
            var metadata = await S3Call(location, () => Client(location).GetObjectMetadataAsync(s3.Bucket, s3.Prefix, ct));
            return metadata.ETag;
        }
        var file = new FileInfo(location.LocalPath!);
        if (!file.Exists) throw new WorkloadException($"{location}: the file does not exist");
        return $"{file.Length}:{file.LastWriteTimeUtc.Ticks}";
    }

    // Reads without the caller's token: the parsed file is shared with other trials that may still want it.
    private async Task<CsvTable> LoadAsync(TabularLocation location)
    {
        string text;
        if (location.S3 is { } s3)
        {
            using var response = await S3Call(location, () => Client(location).GetObjectAsync(s3.Bucket, s3.Prefix));
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            text = await reader.ReadToEndAsync();
        }
        else
        {
            text = await File.ReadAllTextAsync(location.LocalPath!, Encoding.UTF8);
        }
        return CsvParser.Parse(text, location.Display);
    }

    private IAmazonS3 Client(TabularLocation location)
    {
        try
        {
            return _s3.Value;
        }
        catch (ArgumentException e)
        {
            throw new WorkloadException($"{location}: cannot reach S3: {e.Message}", e);
        }
    }

    private static async Task<T> S3Call<T>(TabularLocation location, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new WorkloadException($"{location}: the object does not exist", e);
        }
        catch (AmazonS3Exception e)
        {
            throw new WorkloadException($"{location}: reading it failed: {e.StatusCode} {e.ErrorCode}: {e.Message}", e);
        }
    }

    private sealed record Entry(string Version, Lazy<Task<CsvTable>> Table);
}
