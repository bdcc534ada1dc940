namespace Tuner.Core.Costs;

/// <summary>
/// An S3 storage class that kept checkpoints may move to, with how S3 bills it: its list price per GB-month (us-east-1,
/// from the S3 pricing page on the date of prices.csv, entered by hand and not checked live), the smallest size it bills
/// an object at, and the fewest days it bills an object for, however early it is deleted. Only classes that read back
/// at once are offered: GLACIER and DEEP_ARCHIVE objects must be restored before a worker or an evaluation could read
/// them.
/// </summary>
public sealed record StorageClass(string Name, decimal ListUsdPerGbMonth, long MinimumBillableBytes, int MinimumDays)
{
    public const string StandardName = "STANDARD";
    private const long Kib128 = 128 * 1024;

    public static readonly StorageClass Standard = new(StandardName, 0.023m, 0, 0);

    /// <summary>The classes Tuner moves kept checkpoints to. INTELLIGENT_TIERING is priced at its frequent-access tier:
    /// Tuner cannot see when S3 moves an object down, so that price is an upper bound (its per-object monitoring fee
    /// is left out).</summary>
    public static readonly IReadOnlyList<StorageClass> ForKeptCheckpoints =
    [
        new("STANDARD_IA", 0.0125m, Kib128, 30),
        new("ONEZONE_IA", 0.01m, Kib128, 30),
        new("INTELLIGENT_TIERING", 0.023m, 0, 0),
        new("GLACIER_IR", 0.004m, Kib128, 90),
    ];

    /// <summary>The class named <paramref name="name"/> (STANDARD or one for kept checkpoints), or null.</summary>
    public static StorageClass? Named(string? name) =>
        name == StandardName ? Standard : ForKeptCheckpoints.FirstOrDefault(c => c.Name == name);
}
