namespace Tuner.Core.Costs;

/// <summary>Byte-seconds of checkpoints in their store's default class (STANDARD), summed in the database: every
/// checkpoint from its creation to its move to another class, its deletion, or now.</summary>
/// <param name="ContentByteSeconds">The same at the checkpoints' uncompressed sizes.</param>
public sealed record StandardStorage(double ByteSeconds, double ContentByteSeconds, long LiveBytes, long LiveContentBytes);

/// <summary>A checkpoint moved to another storage class: its sizes, since when, and its deletion if it is gone.</summary>
public sealed record ClassStoredCheckpoint(string StorageClass, long SizeBytes, long ContentBytes, DateTimeOffset Since, DateTimeOffset? DeletedAt);

/// <summary>
/// Prices checkpoint storage the way S3 bills it: STANDARD by the byte-second; a checkpoint in another class at that
/// class's price (the caller's price per class), at no less than its minimum billable size, and, once deleted, for no less
/// than its minimum days. A live object is charged for its time so far; its minimum only bites when it is deleted.
/// </summary>
public static class StorageReckoning
{
    private const double BytesPerGb = 1024.0 * 1024 * 1024;
    private const double SecondsPerMonth = 30 * 24 * 3600.0;
    private const double SecondsPerDay = 24 * 3600.0;

    public static StorageCost Price(
        StandardStorage standard, IReadOnlyList<ClassStoredCheckpoint> moved, Func<string, decimal> priceOf, DateTimeOffset now)
    {
        var standardPrice = priceOf(StorageClass.StandardName);
        var classes = new List<StorageClassCost>();
        var saved = Usd(standard.ContentByteSeconds - standard.ByteSeconds, standardPrice);
        if (standard.ByteSeconds > 0 || moved.Count == 0)
        {
            classes.Add(new StorageClassCost(StorageClass.StandardName, GbMonths(standard.ByteSeconds), standardPrice,
                Usd(standard.ByteSeconds, standardPrice), standard.LiveBytes));
        }

        foreach (var group in moved.GroupBy(m => m.StorageClass).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = StorageClass.Named(group.Key);
            var price = priceOf(group.Key);
            double billed = 0, uncompressed = 0;
            foreach (var checkpoint in group)
            {
                var seconds = Math.Max(0, ((checkpoint.DeletedAt ?? now) - checkpoint.Since).TotalSeconds);
                if (checkpoint.DeletedAt is not null && rule is not null) seconds = Math.Max(seconds, rule.MinimumDays * SecondsPerDay);
                var minimum = rule?.MinimumBillableBytes ?? 0;
                billed += Math.Max(checkpoint.SizeBytes, minimum) * seconds;
                uncompressed += Math.Max(checkpoint.ContentBytes, minimum) * seconds;
            }

            saved += Usd(uncompressed - billed, price);
            classes.Add(new StorageClassCost(group.Key, GbMonths(billed), price, Usd(billed, price),
                group.Where(c => c.DeletedAt is null).Sum(c => c.SizeBytes)));
        }

        var liveMoved = moved.Where(m => m.DeletedAt is null).ToList();
        return new StorageCost(
            classes.Sum(c => c.GbMonths),
            classes.Sum(c => c.Usd),
            standard.LiveBytes + liveMoved.Sum(m => m.SizeBytes),
            standard.LiveContentBytes + liveMoved.Sum(m => m.ContentBytes),
            Math.Max(0, saved),
            classes);
    }

    private static double GbMonths(double byteSeconds) => byteSeconds / BytesPerGb / SecondsPerMonth;

    private static decimal Usd(double byteSeconds, decimal price) => Math.Round((decimal)GbMonths(byteSeconds) * price, 6);
}
