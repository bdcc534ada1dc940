using System.Security.Cryptography;

namespace Tuner.Trainer.Checkpoints;

/// <summary>Copies checkpoint bytes while counting them and hashing them with SHA-256, so a store records the digest of
/// what it wrote and a reader can check what it read without a second pass.</summary>
public static class CheckpointDigest
{
    private const int BufferSize = 1 << 16;

    /// <summary>Copies <paramref name="source"/> (from its current position to the end) into
    /// <paramref name="destination"/>; returns the number of bytes and their SHA-256 as lowercase hex.</summary>
    public static async Task<(long SizeBytes, string Sha256)> CopyAsync(
        Stream source, Stream destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (size, Convert.ToHexStringLower(hash.GetCurrentHash()));
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/> as lowercase hex.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
