using Spectre.Console;
using Tuner.Core.Costs;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli;

namespace Tuner.Scheduler.Tests.Cli;

/// <summary>The storage lines of `tuner cost`: one per storage class with its price, and what compression saved, in
/// both the priced and the time-only report.</summary>
public sealed class CostTextTests
{
    private static readonly StorageCost Storage = new(0.0003, 0.000004m, 300_000, 400_000, 0.000001m,
    [
        new StorageClassCost("STANDARD", 0.0001, 0.023m, 0.000002m, 0),
        new StorageClassCost("STANDARD_IA", 0.0002, 0.0125m, 0.000002m, 300_000),
    ]);

    /// <summary>A local run without a price counts its seconds at $0; its storage, a few bytes for an hour, rounds to $0.</summary>
    private static SweepCostReport Report(bool priceUnset) => new(
        4, "mnist-mlp", "Completed", priceUnset ? 0m : 0.500004m, priceUnset ? 0m : 0.5m, 3600,
        [new CostLineView(CostCategories.Complete, 3600, priceUnset ? 0m : 0.5m)],
        priceUnset ? Storage with { Usd = 0, SavedByCompressionUsd = 0 } : Storage, new PruningSavings(0, 0), new SpotSavings(null, null, 0), null, null, null, null, null, null,
        [priceUnset ? "local price unset" : "TUNER_COST__LOCAL_HOURLY_USD"], priceUnset, false, [], []);

    [Fact]
    public void Write_ListsEachStorageClass_AndWhatCompressionSaved()
    {
        var text = Render(Report(priceUnset: false));

        Assert.Contains("checkpoints in STANDARD (0.0 MB kept now, $0.023000 per GB-month)", text);
        Assert.Contains("checkpoints in STANDARD_IA (0.3 MB kept now, $0.012500 per GB-month)", text);
        Assert.Contains("Saved by compression: $0.000001 (the checkpoints kept now take 0.3 MB for 0.4 MB of content, 25 % less)", text);
    }

    [Fact]
    public void Write_SaysWhatCompressionSaved_WhenNoPriceIsSet()
    {
        var text = Render(Report(priceUnset: true));

        Assert.Contains("Compression: the checkpoints kept now take 0.3 MB for 0.4 MB of content, 25 % less.", text);
        Assert.DoesNotContain("$", text.Split("Compression:")[1]);
    }

    private static string Render(SweepCostReport report)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        CostText.Write(console, output, report, allTrials: false);
        return output.ToString();
    }
}
