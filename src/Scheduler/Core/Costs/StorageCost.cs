namespace Tuner.Core.Costs;

/// <summary>
/// A sweep's checkpoint storage, priced per GB-month (GB = 2^30 bytes, 30-day months, as cloud bills count), in all and
/// per storage class, with what compression saved: the same objects at their uncompressed size, in the same classes
/// for the same time, less what was billed.
/// </summary>
/// <param name="LiveBytes">Bytes stored now; <paramref name="LiveContentBytes"/> what they hold uncompressed.</param>
public sealed record StorageCost(
    double GbMonths,
    decimal Usd,
    long LiveBytes,
    long LiveContentBytes,
    decimal SavedByCompressionUsd,
    IReadOnlyList<StorageClassCost> Classes)
{
    public static StorageCost None { get; } = new(0, 0, 0, 0, 0, []);
}

/// <summary>What one storage class billed: GB-months at its price (after its minimum size and duration), and the bytes in
/// it now.</summary>
public sealed record StorageClassCost(string StorageClass, double GbMonths, decimal UsdPerGbMonth, decimal Usd, long LiveBytes);
