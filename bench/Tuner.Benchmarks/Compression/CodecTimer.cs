using System.Diagnostics;
using Tuner.Trainer.Checkpoints.Compression;

namespace Tuner.Benchmarks.Compression;

/// <summary>
/// Measures <see cref="CheckpointCodec"/> on one checkpoint in memory: one untimed encode and decode first (which
/// also checks that decoding gives back the content byte for byte), then <see cref="TimedRuns"/> timed encodes and
/// timed decodes, of which the fastest count: on a shared machine the others mostly measure waiting for a core. Memory
/// to memory, so no disk or network is timed: it is the codec's own cost on one core.
/// </summary>
internal static class CodecTimer
{
    public const int TimedRuns = 15;

    /// <exception cref="InvalidDataException">Decoding does not give back the content.</exception>
    public static async Task<CodecMeasurement> MeasureAsync(byte[] content, string label, CancellationToken ct)
    {
        var stored = await EncodeAsync(content, ct);
        CheckRoundTrip(content, await DecodeAsync(stored, content.Length, ct), label);

        var encodeMs = new double[TimedRuns];
        var decodeMs = new double[TimedRuns];
        for (var run = 0; run < TimedRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await EncodeAsync(content, ct);
            encodeMs[run] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await DecodeAsync(stored, content.Length, ct);
            decodeMs[run] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return new CodecMeasurement(content.Length, stored.Length, encodeMs.Min(), decodeMs.Min(), Median(encodeMs), Median(decodeMs));
    }

    private static async Task<byte[]> EncodeAsync(byte[] content, CancellationToken ct)
    {
        using var destination = new MemoryStream(content.Length + 4096);
        var read = await CheckpointCodec.EncodeAsync(new MemoryStream(content, writable: false), destination, ct);
        if (read != content.Length)
            throw new InvalidDataException($"CheckpointCodec.EncodeAsync read {read} bytes of a {content.Length}-byte checkpoint");
        return destination.ToArray();
    }

    private static async Task<byte[]> DecodeAsync(byte[] stored, int expectedLength, CancellationToken ct)
    {
        using var decoded = new MemoryStream(expectedLength);
        await using (var content = await CheckpointCodec.DecodeAsync(new MemoryStream(stored, writable: false), ct))
            await content.CopyToAsync(decoded, ct);
        return decoded.ToArray();
    }

    private static void CheckRoundTrip(byte[] content, byte[] decoded, string label)
    {
        var common = Math.Min(content.Length, decoded.Length);
        var same = content.AsSpan(0, common).CommonPrefixLength(decoded.AsSpan(0, common));
        if (same == common && content.Length == decoded.Length) return;
        throw new InvalidDataException(same < common
            ? $"{label}: decoding the stored checkpoint does not give back its content: byte {same} of {content.Length} differs"
            : $"{label}: decoding the stored checkpoint gives {decoded.Length} bytes, but the content has {content.Length}");
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
