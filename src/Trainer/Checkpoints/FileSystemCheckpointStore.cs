namespace Tuner.Trainer.Checkpoints;

/// <summary>Checkpoints as files under <paramref name="root"/>. A write goes to a temporary file in the target's
/// folder (hashed on the way), is flushed to disk and renamed over the target, so readers never see a partial
/// checkpoint.</summary>
public sealed class FileSystemCheckpointStore(string root) : ICheckpointStore
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<StoredCheckpoint> WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        (long SizeBytes, string Sha256) digest;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                             bufferSize: 1 << 16, useAsync: true))
            {
                digest = await CheckpointDigest.CopyAsync(content, file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return new StoredCheckpoint(UriOf(key), digest.SizeBytes, digest.Sha256);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 1 << 16, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    public string UriOf(string key) => new Uri(PathOf(key)).AbsoluteUri;

    private string PathOf(string key)
    {
        CheckpointKey.Validate(key);
        return Path.Join(_root, key);
    }
}
