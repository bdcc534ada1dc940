using Tuner.Core.Model;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Checkpoints.Compression;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>What a checkpoint write stored: the object, how many bytes the workload wrote, and its compression as the
/// row records it (<see cref="Checkpoint.Compression"/>).</summary>
public sealed record CompressedCheckpoint(StoredCheckpoint Stored, long ContentBytes, string? Compression);

/// <summary>
/// The one place that applies TUNER_CHECKPOINT_COMPRESSION: writes a checkpoint compressed or not, and opens a stored
/// one as its content again by what its row says. A compressed checkpoint is spooled to a temporary file first (deleted
/// on close): a store needs the bytes it writes before it knows their size, and a CUDA model's checkpoint can be GBs.
/// </summary>
public static class CompressedCheckpoints
{
    private const string BrotliName = "brotli";

    public static async Task<CompressedCheckpoint> WriteAsync(
        ICheckpointStore store, string key, Stream content, CheckpointCompression compression, CancellationToken ct)
    {
        if (compression == CheckpointCompression.None)
        {
            var raw = await store.WriteAsync(key, content, ct);
            return new CompressedCheckpoint(raw, raw.SizeBytes, null);
        }

        await using var spool = new FileStream(
            Path.Join(Path.GetTempPath(), $"tuner-compress-{Guid.NewGuid():N}.ckpt"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var contentBytes = await CheckpointCodec.EncodeAsync(content, spool, ct);
        spool.Position = 0;
        var stored = await store.WriteAsync(key, spool, ct);
        return new CompressedCheckpoint(stored, contentBytes, BrotliName);
    }

    /// <summary>The content of <paramref name="stored"/>, an object stored as <paramref name="compression"/> says; the
    /// returned stream owns <paramref name="stored"/>.</summary>
    public static async Task<Stream> OpenContentAsync(Stream stored, string? compression, CancellationToken ct) => compression switch
    {
        null => stored,
        BrotliName => await CheckpointCodec.DecodeAsync(stored, ct),
        _ => throw new InvalidDataException($"a checkpoint's compression must be {BrotliName} or none, but its row says '{compression}'"),
    };
}
