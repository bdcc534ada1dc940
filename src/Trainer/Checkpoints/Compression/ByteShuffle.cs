namespace Tuner.Trainer.Checkpoints.Compression;

/// <summary>
/// The byte-plane transpose that HDF5's and Blosc's "shuffle" filters apply before compression: a block of 4-byte
/// values becomes all their first bytes, then all their second bytes, and so on. The sign and exponent bytes of
/// float32 weights are alike, so grouping them lets a general compressor find repeats that interleaved mantissa bytes
/// hide (on mnist-mlp's checkpoints Brotli alone saves 7–9 %, after the shuffle about 20 %). Bytes after the last whole
/// value stay at the end as they are. Written here because .NET has no shuffle filter and Blosc's bindings would add a
/// native library to every worker image for one loop.
/// </summary>
public static class ByteShuffle
{
    public const int Lane = sizeof(float);

    public static void Shuffle(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var values = CheckLengths(source, destination);
        for (var lane = 0; lane < Lane; lane++)
        {
            var plane = destination.Slice(lane * values, values);
            for (var i = 0; i < values; i++) plane[i] = source[i * Lane + lane];
        }
        source[(values * Lane)..].CopyTo(destination[(values * Lane)..]);
    }

    public static void Unshuffle(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var values = CheckLengths(source, destination);
        for (var lane = 0; lane < Lane; lane++)
        {
            var plane = source.Slice(lane * values, values);
            for (var i = 0; i < values; i++) destination[i * Lane + lane] = plane[i];
        }
        source[(values * Lane)..].CopyTo(destination[(values * Lane)..]);
    }

    private static int CheckLengths(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"shuffling needs a destination as long as the source ({source.Length} bytes), but got {destination.Length}");
        return source.Length / Lane;
    }
}
