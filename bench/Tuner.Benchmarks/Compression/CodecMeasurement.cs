namespace Tuner.Benchmarks.Compression;

/// <summary>What <see cref="CodecTimer"/> measured on one checkpoint: its content and stored (encoded) sizes in bytes,
/// the fastest encode and decode of the timed runs in milliseconds, and their medians.</summary>
internal sealed record CodecMeasurement(
    long ContentBytes, long StoredBytes, double EncodeMs, double DecodeMs, double EncodeMedianMs, double DecodeMedianMs)
{
    /// <summary>How much smaller the stored object is than the content, in percent (negative when it is larger).</summary>
    public double SavedPercent => Percent(ContentBytes, StoredBytes);

    public double EncodeMbPerSecond => MbPerSecond(ContentBytes, EncodeMs);

    public double DecodeMbPerSecond => MbPerSecond(ContentBytes, DecodeMs);

    public static double Percent(long content, long stored) => content == 0 ? 0 : 100.0 * (content - stored) / content;

    /// <summary>Megabytes (10⁶ bytes) of content per second.</summary>
    public static double MbPerSecond(long bytes, double milliseconds) => milliseconds <= 0 ? 0 : bytes / 1e6 / (milliseconds / 1000);
}
