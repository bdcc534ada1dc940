using Tuner.Core.Costs;

namespace Tuner.Core.Tests.Costs;

/// <summary>Checkpoint storage priced as S3 bills it, against figures worked out by hand (GB = 2^30 bytes, 30-day months).</summary>
public sealed class StorageReckoningTests
{
    private const long GiB = 1L << 30;
    private const double Month = 30 * 24 * 3600.0;
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static decimal PriceOf(string storageClass) => storageClass switch
    {
        "STANDARD" => 0.023m,
        "STANDARD_IA" => 0.0125m,
        "GLACIER_IR" => 0.004m,
        _ => throw new ArgumentException(storageClass),
    };

    [Fact]
    public void Price_ChargesStandardByTheByteSecond_AndCountsWhatCompressionSaved()
    {
        // 1 GiB stored for a month holds 1.25 GiB of content: 1 GB-month at $0.023; uncompressed, 0.25 more at $0.023.
        var cost = StorageReckoning.Price(new StandardStorage(GiB * Month, 1.25 * GiB * Month, GiB, GiB + GiB / 4), [], PriceOf, T0);

        Assert.Equal(1, cost.GbMonths, 9);
        Assert.Equal(0.023m, cost.Usd);
        Assert.Equal(0.00575m, cost.SavedByCompressionUsd);
        Assert.Equal((GiB, GiB + GiB / 4), (cost.LiveBytes, cost.LiveContentBytes));
        Assert.Equal([("STANDARD", 0.023m, 0.023m, GiB)], cost.Classes.Select(c => (c.StorageClass, c.UsdPerGbMonth, c.Usd, c.LiveBytes)));
    }

    [Fact]
    public void Price_ChargesAMovedCheckpointAtItsClassPrice_ForItsTimeSoFar_WhileItLives()
    {
        // 2 GiB (2.5 GiB of content) in STANDARD_IA for half a month, after a day in STANDARD (2 GiB × 1/30 month).
        var now = T0.AddSeconds(Month / 2);
        var cost = StorageReckoning.Price(
            new StandardStorage(2.0 * GiB * Month / 30, 2.5 * GiB * Month / 30, 0, 0),
            [new ClassStoredCheckpoint("STANDARD_IA", 2 * GiB, 2 * GiB + GiB / 2, T0, null)], PriceOf, now);

        // STANDARD: 1/15 GB-month × $0.023 = $0.001533; STANDARD_IA: 1 GB-month × $0.0125.
        Assert.Equal([("STANDARD", 0.001533m, 0L), ("STANDARD_IA", 0.0125m, 2 * GiB)], cost.Classes.Select(c => (c.StorageClass, c.Usd, c.LiveBytes)));
        Assert.Equal(0.014033m, cost.Usd);
        Assert.Equal(1 + 1.0 / 15, cost.GbMonths, 9);
        // Saved: 0.5 GiB for 1/30 month at $0.023 ($0.000383) and for half a month at $0.0125 ($0.003125).
        Assert.Equal(0.003508m, cost.SavedByCompressionUsd);
        Assert.Equal((2 * GiB, 2 * GiB + GiB / 2), (cost.LiveBytes, cost.LiveContentBytes));
    }

    [Fact]
    public void Price_BillsADeletedCheckpointForItsClassMinimumSizeAndDays()
    {
        // 64 KiB in GLACIER_IR, deleted after 10 days: billed as 128 KiB for 90 days = 3/8192 GB-month × $0.004.
        var cost = StorageReckoning.Price(new StandardStorage(0, 0, 0, 0),
            [new ClassStoredCheckpoint("GLACIER_IR", 64 * 1024, 100 * 1024, T0, T0.AddDays(10))], PriceOf, T0.AddDays(40));

        var glacier = Assert.Single(cost.Classes);
        Assert.Equal(3.0 / 8192, glacier.GbMonths, 12);
        Assert.Equal(0.000001m, glacier.Usd);
        Assert.Equal(0L, glacier.LiveBytes);
        // Content of 100 KiB is below the 128 KiB minimum too: compression saved nothing here.
        Assert.Equal(0m, cost.SavedByCompressionUsd);
    }

    [Fact]
    public void Price_ShowsAnEmptyStandardLine_WhenNothingWasStored()
    {
        var cost = StorageReckoning.Price(new StandardStorage(0, 0, 0, 0), [], PriceOf, T0);

        Assert.Equal([("STANDARD", 0m)], cost.Classes.Select(c => (c.StorageClass, c.Usd)));
        Assert.Equal(0m, cost.Usd);
    }
}
