namespace Tuner.Trainer.Checkpoints;

/// <summary>Object storage for checkpoints. Keys are relative, '/'-separated paths such as
/// "sweeps/12/trials/34/epoch-0003.ckpt".</summary>
public interface ICheckpointStore
{
    /// <summary>Stores <paramref name="content"/> (read from its current position to the end) under
    /// <paramref name="key"/>, atomically: readers see the whole old object or the whole new one. Returns where it went,
    /// how many bytes it took and their SHA-256, computed from the bytes as they were written.</summary>
    Task<StoredCheckpoint> WriteAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Opens the object for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Deletes the object; deleting a missing object does nothing.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Where the object lives, as a URI (file://, s3://).</summary>
    string UriOf(string key);
}
