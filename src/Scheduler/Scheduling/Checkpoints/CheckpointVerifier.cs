using Tuner.Core.Model;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Reads a checkpoint object into a temporary file (deleted when the returned stream closes) while hashing it, and
/// compares the SHA-256 with the one recorded at save time. A temporary file rather than memory: checkpoints are MBs
/// now, but a CUDA model's can be GBs, and a file caps neither. Rows without a digest (written before digests were
/// recorded) are accepted unverified. The stream handed back is the checkpoint's content, decompressed when its row says
/// it was stored compressed (<see cref="CompressedCheckpoints"/>); a header that is not the codec's makes it unusable. Read errors other than a missing object propagate: they say nothing about the
/// checkpoint.
/// </summary>
public static class CheckpointVerifier
{
    public static async Task<VerifiedRead> ReadAsync(ICheckpointStore store, Checkpoint checkpoint, CancellationToken ct)
    {
        var source = await store.OpenReadAsync(checkpoint.Key, ct);
        if (source is null)
        {
            return VerifiedRead.Unusable($"missing from {checkpoint.Uri}");
        }

        var copy = new FileStream(
            Path.Join(Path.GetTempPath(), $"tuner-restore-{Guid.NewGuid():N}.ckpt"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            string read;
            await using (source)
            {
                (_, read) = await CheckpointDigest.CopyAsync(source, copy, ct);
            }

            if (checkpoint.Sha256 is { } recorded && !string.Equals(recorded, read, StringComparison.OrdinalIgnoreCase))
            {
                await copy.DisposeAsync();
                return VerifiedRead.Unusable($"sha256 mismatch: recorded {recorded}, read {read}");
            }

            copy.Position = 0;
            return VerifiedRead.Usable(await CompressedCheckpoints.OpenContentAsync(copy, checkpoint.Compression, ct));
        }
        catch (InvalidDataException e)
        {
            await copy.DisposeAsync();
            return VerifiedRead.Unusable(e.Message);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}
