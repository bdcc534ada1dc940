using System.Buffers.Binary;
using System.IO.Compression;

namespace Tuner.Trainer.Checkpoints.Compression;

/// <summary>
/// Stores a checkpoint compressed (<see cref="CheckpointCompression.Brotli"/>) and reads it back. The object starts
/// with a header, "TUNERCZ" and a format version byte, then the block size (int32, little-endian); then comes one Brotli
/// stream of the content cut into blocks of that size, each block <see cref="ByteShuffle"/>d on its own, so neither
/// side holds more than a block whatever the checkpoint's size. Only the last block may be shorter.
/// </summary>
public static class CheckpointCodec
{
    public const int BlockSize = 1 << 20;
    private const byte FormatVersion = 1;
    private const int BrotliQuality = 1;
    private static readonly byte[] Magic = "TUNERCZ"u8.ToArray();
    private static int HeaderLength => Magic.Length + 1 + sizeof(int);

    /// <summary>Compresses <paramref name="content"/> (from its position to the end) into <paramref name="destination"/>;
    /// returns how many bytes of content it read.</summary>
    public static async Task<long> EncodeAsync(Stream content, Stream destination, CancellationToken ct)
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length + 1), BlockSize);
        await destination.WriteAsync(header, ct);

        var block = new byte[BlockSize];
        var shuffled = new byte[BlockSize];
        long total = 0;
        await using var brotli = new BrotliStream(destination,
            new BrotliCompressionOptions { Quality = BrotliQuality }, leaveOpen: true);
        int read;
        while ((read = await content.ReadAtLeastAsync(block, BlockSize, throwOnEndOfStream: false, ct)) > 0)
        {
            ByteShuffle.Shuffle(block.AsSpan(0, read), shuffled.AsSpan(0, read));
            await brotli.WriteAsync(shuffled.AsMemory(0, read), ct);
            total += read;
            if (read < BlockSize) break;
        }
        return total;
    }

    /// <summary>A stream of the content that <paramref name="stored"/> (positioned at the header) holds; it owns
    /// <paramref name="stored"/>. Throws <see cref="InvalidDataException"/> when the header is not this format's.</summary>
    public static async Task<Stream> DecodeAsync(Stream stored, CancellationToken ct)
    {
        var header = new byte[HeaderLength];
        var read = await stored.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (read < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic) || header[Magic.Length] != FormatVersion)
        {
            throw new InvalidDataException(
                $"a compressed checkpoint must start with TUNERCZ version {FormatVersion}, but it starts with {Convert.ToHexString(header, 0, read)}");
        }
        var blockSize = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + 1));
        if (blockSize is < ByteShuffle.Lane or > 64 * BlockSize)
            throw new InvalidDataException($"a compressed checkpoint's block size must be from {ByteShuffle.Lane} to {64 * BlockSize} bytes, but it is {blockSize}");
        return new UnshufflingStream(new BrotliStream(stored, CompressionMode.Decompress, leaveOpen: false), blockSize);
    }
}
