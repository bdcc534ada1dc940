using System.Buffers.Binary;

namespace Tuner.Trainer.Data;

/// <summary>Reads IDX files (the MNIST format): a magic number 0x0000 0x08 (unsigned byte) and a dimension count,
/// the dimensions as big-endian 32-bit integers, then the data.</summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    public static async Task<IdxArray> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, ct);
    }

    public static async Task<IdxArray> ReadAsync(Stream stream, CancellationToken ct)
    {
        var magic = new byte[4];
        await stream.ReadExactlyAsync(magic, ct);
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || magic[3] is 0 or > 4)
        {
            throw new InvalidDataException(
                $"an IDX file of unsigned bytes must start with 00 00 08 and 1 to 4 dimensions, but got {Convert.ToHexString(magic)}");
        }

        var header = new byte[4 * magic[3]];
        await stream.ReadExactlyAsync(header, ct);
        var dimensions = Enumerable.Range(0, magic[3])
            .Select(i => BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * i)))
            .ToArray();
        var length = dimensions.Aggregate(1L, (product, d) => product * d);
        if (dimensions.Any(d => d < 0) || length > Array.MaxLength)
            throw new InvalidDataException($"IDX dimensions must be non-negative and small enough, but got {string.Join('x', dimensions)}");

        var data = new byte[length];
        await stream.ReadExactlyAsync(data, ct);
        return new IdxArray(dimensions, data);
    }
}
