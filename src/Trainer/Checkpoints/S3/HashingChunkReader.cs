using System.Security.Cryptography;

namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>Reads a stream in chunks while hashing it with SHA-256 and counting its bytes.</summary>
internal sealed class HashingChunkReader(Stream source) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    /// <summary>Reads <paramref name="size"/> bytes, or fewer only at the end of the stream.</summary>
    public async Task<byte[]> ReadAsync(int size, CancellationToken ct)
    {
        var buffer = new byte[size];
        var count = await source.ReadAtLeastAsync(buffer, size, throwOnEndOfStream: false, ct);
        if (count < size) Array.Resize(ref buffer, count);
        _hash.AppendData(buffer);
        BytesRead += count;
        return buffer;
    }

    /// <summary>The SHA-256 of everything read so far, as lowercase hex.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();
}
